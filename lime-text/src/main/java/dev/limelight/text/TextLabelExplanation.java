package dev.limelight.text;

import dev.limelight.core.ExplainedLabel;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.trust.TrustReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The explanation of one label of a text.
 *
 * @param label       the class index
 * @param name        the class name
 * @param probability the classifier's probability for it on the original text
 * @param surrogate   the K-Lasso fit (feature indices, intercept, score, local prediction)
 * @param words       the surrogate's features as words, sorted by decreasing |weight| as the
 *                    surrogate's
 * @param trust       the trust measures taken for this label ({@link TrustReport#NONE} when none was asked)
 */
public record TextLabelExplanation(int label, String name, double probability, LocalExplanation surrogate,
                                   List<WordWeight> words, TrustReport trust) implements ExplainedLabel {

    /** Copies the word list. */
    public TextLabelExplanation {
        words = List.copyOf(words);
        Objects.requireNonNull(trust, "trust");
    }

    /**
     * The weights keyed by word, as the reference's {@code as_list()} and as SP-LIME needs them
     * across texts. In positional mode a word that occurs several times may be several features:
     * their weights are summed.
     *
     * @return word to weight, in the order of {@link #words()}
     */
    public Map<String, Double> weightsByWord() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (WordWeight w : words) {
            map.merge(w.word(), w.weight(), Double::sum);
        }
        return map;
    }

    /**
     * @param k how many, at least 0
     * @return the k words of largest |weight| (fewer if fewer were selected)
     */
    public List<WordWeight> top(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        return words.subList(0, Math.min(k, words.size()));
    }

    /** @return the surrogate's weighted R^2 on the perturbed samples */
    public double score() {
        return surrogate.score();
    }

    /** @return the surrogate's prediction for the original text */
    public double localPrediction() {
        return surrogate.localPrediction();
    }

    /** @return the surrogate's intercept */
    public double intercept() {
        return surrogate.intercept();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d %s (p=%.4f, score=%.4f, local=%.4f): %s", label, name, probability,
                surrogate.score(), surrogate.localPrediction(),
                top(10).stream().map(WordWeight::toString).collect(Collectors.joining(", ", "[",
                        words.size() > 10 ? ", ...]" : "]")));
    }
}
