package dev.limelight.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * K-Lasso, LIME's local surrogate (Ribeiro, Singh and Guestrin, KDD 2016, Algorithm 1): weigh the
 * perturbed samples with a kernel of their distance to the original, select at most K features,
 * and fit a weighted ridge regression on them. The weights of that ridge are the explanation.
 *
 * <p>Results agree with the reference {@code lime} package ({@code LimeBase}) to 1e-6 on its
 * golden vectors. How it differs: the reference refits scikit-learn models over all N samples for
 * every candidate feature; here the weighted, centred Gram matrix {@code Z^T W Z} and
 * {@code Z^T W y} are formed once per neighbourhood with one ND4J product (shared by every
 * explained label) and every fit, forward-selection step and LARS step is a small d x d solve in
 * double precision. Instances are immutable and thread-safe.
 */
public final class KLasso {

    private final KLassoOptions options;

    /**
     * @param options the fit options
     */
    public KLasso(KLassoOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the options of this fit */
    public KLassoOptions options() {
        return options;
    }

    /**
     * Explains one label.
     *
     * @param neighbourhood the perturbed samples, their predictions and distances
     * @param label         the column of the predictions to explain
     * @return the surrogate for that label
     * @throws IllegalArgumentException if the label is out of range or the kernel weights are all 0
     */
    public LocalExplanation explain(Neighbourhood neighbourhood, int label) {
        return explain(neighbourhood, new int[] {label}).get(0);
    }

    /**
     * Explains several labels of one neighbourhood, sharing the weighted Gram matrix between them.
     *
     * @param neighbourhood the perturbed samples, their predictions and distances
     * @param labels        the columns of the predictions to explain, at least one, no repeats
     * @return one surrogate per label, in the order given
     * @throws IllegalArgumentException if no label is given, a label repeats or is out of range, or
     *                                  the kernel weights are all 0
     */
    public List<LocalExplanation> explain(Neighbourhood neighbourhood, int... labels) {
        Objects.requireNonNull(neighbourhood, "neighbourhood");
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("at least one label to explain is required");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= neighbourhood.labelCount()) {
                throw new IllegalArgumentException("label index " + labels[i] + " is out of range: the predictions have "
                        + neighbourhood.labelCount() + " columns (0.." + (neighbourhood.labelCount() - 1) + ")");
            }
            for (int j = 0; j < i; j++) {
                if (labels[j] == labels[i]) {
                    throw new IllegalArgumentException("label " + labels[i] + " is given twice");
                }
            }
        }
        WeightedDesign design = WeightedDesign.of(neighbourhood, options.kernel(), labels);
        List<LocalExplanation> result = new ArrayList<>(labels.length);
        for (int slot = 0; slot < labels.length; slot++) {
            result.add(fit(design, slot));
        }
        return result;
    }

    private LocalExplanation fit(WeightedDesign design, int slot) {
        int k = options.numFeatures();
        FeatureSelection mode = options.featureSelection().resolve(k);
        int[] features = switch (mode) {
            case NONE -> allFeatures(design.featureCount);
            case FORWARD_SELECTION -> ForwardSelection.select(design, slot, k);
            case HIGHEST_WEIGHTS -> HighestWeights.select(design, slot, k);
            case LASSO_PATH -> LarsLassoPath.select(design, slot, k);
            case AUTO -> throw new AssertionError("AUTO is resolved above");
        };
        WeightedRidge.Fit fit = WeightedRidge.fit(design, slot, features, options.ridgeAlpha());
        List<FeatureWeight> weights = new ArrayList<>(features.length);
        for (int i = 0; i < features.length; i++) {
            weights.add(new FeatureWeight(features[i], fit.coefficients()[i]));
        }
        weights.sort(Comparator.comparingDouble((FeatureWeight w) -> Math.abs(w.weight())).reversed());
        return new LocalExplanation(design.labels[slot], mode, fit.intercept(), weights, fit.score(),
                fit.localPrediction());
    }

    private static int[] allFeatures(int d) {
        int[] all = new int[d];
        Arrays.setAll(all, i -> i);
        return all;
    }

    @Override
    public String toString() {
        return "KLasso[" + options + "]";
    }
}
