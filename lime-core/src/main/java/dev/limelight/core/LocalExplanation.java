package dev.limelight.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The local surrogate K-Lasso fitted for one label: what the reference {@code lime} returns from
 * {@code explain_instance_with_data}.
 *
 * @param label            index of the explained label (column of the predictions)
 * @param featureSelection the selection actually used ({@link FeatureSelection#AUTO} resolved)
 * @param intercept        intercept of the weighted ridge surrogate
 * @param weights          the selected features and their surrogate coefficients, sorted by
 *                         decreasing |weight| (equal magnitudes keep the selection order)
 * @param score            weighted R^2 of the surrogate on the neighbourhood: how faithfully it
 *                         mimics the model there
 * @param localPrediction  the surrogate's prediction at the original instance (row 0)
 */
public record LocalExplanation(int label, FeatureSelection featureSelection, double intercept,
                               List<FeatureWeight> weights, double score, double localPrediction) {

    /** Copies {@code weights}, which must not be null. */
    public LocalExplanation {
        weights = List.copyOf(weights);
    }

    /** @return feature index to weight, in the order of {@link #weights()} */
    public Map<Integer, Double> weightsByFeature() {
        Map<Integer, Double> map = new LinkedHashMap<>();
        for (FeatureWeight w : weights) {
            map.put(w.feature(), w.weight());
        }
        return map;
    }

    /**
     * @param k how many features, at least 0
     * @return the k features with the largest |weight| (fewer if fewer were selected)
     */
    public List<FeatureWeight> top(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        return weights.subList(0, Math.min(k, weights.size()));
    }

    @Override
    public String toString() {
        String top = top(10).stream().map(FeatureWeight::toString).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT,
                "LocalExplanation[label=%d, selection=%s, intercept=%.6f, score=%.4f, localPrediction=%.6f, "
                        + "features=%d, top=[%s%s]]",
                label, featureSelection, intercept, score, localPrediction, weights.size(), top,
                weights.size() > 10 ? ", ..." : "");
    }
}
