package dev.limelight.core.trust;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.LocalExplanation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The smallest set of the explanation's top features whose removal flips the predicted label,
 * found greedily by weight and verified by the model: remove the 1, 2, ... features of largest
 * positive weight for the explained label, score every prefix in one batched call, and return the
 * first prefix whose arg-max label differs from the original prediction.
 */
public final class Counterfactuals {

    private Counterfactuals() {
    }

    /**
     * A verified counterfactual.
     *
     * @param removed         the removed features, in the order removed
     * @param originalLabel   the label predicted with every feature present
     * @param newLabel        the label predicted once they are removed
     * @param newProbability  the model's probability for the new label
     * @param originalLabelProbability the probability left for the original label
     */
    public record Counterfactual(List<Integer> removed, int originalLabel, int newLabel, double newProbability,
                                 double originalLabelProbability) {

        /** Copies the list. */
        public Counterfactual {
            removed = List.copyOf(removed);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "removing %s turns label %d into %d (p=%.4f; label %d keeps %.4f)",
                    removed, originalLabel, newLabel, newProbability, originalLabel, originalLabelProbability);
        }
    }

    /**
     * Searches among prefixes of the explanation's positively weighted features.
     *
     * @param explanation  the explanation of the originally predicted label
     * @param featureCount d, the number of interpretable features
     * @param scorer       scores masks through the model
     * @return the counterfactual, or empty if removing every positive feature does not flip the label
     */
    public static Optional<Counterfactual> search(LocalExplanation explanation, int featureCount, MaskScorer scorer) {
        List<Integer> positive = new ArrayList<>();
        List<FeatureWeight> byWeight = new ArrayList<>(explanation.weights());
        byWeight.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        for (FeatureWeight w : byWeight) {
            if (w.weight() > 0) {
                positive.add(w.feature());
            }
        }
        boolean[][] masks = new boolean[positive.size() + 1][featureCount];
        for (int prefix = 0; prefix <= positive.size(); prefix++) {
            Arrays.fill(masks[prefix], true);
            for (int i = 0; i < prefix; i++) {
                masks[prefix][positive.get(i)] = false;
            }
        }
        double[][] scores = scorer.score(masks);
        int original = argMax(scores[0]);
        for (int prefix = 1; prefix < scores.length; prefix++) {
            int label = argMax(scores[prefix]);
            if (label != original) {
                return Optional.of(new Counterfactual(positive.subList(0, prefix), original, label,
                        scores[prefix][label], scores[prefix][original]));
            }
        }
        return Optional.empty();
    }

    static int argMax(double[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
