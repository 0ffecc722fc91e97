package dev.limelight.core;

/**
 * The final surrogate of K-Lasso: a ridge regression with intercept, fitted with the kernel
 * weights on the selected features, as scikit-learn's {@code Ridge(alpha, fit_intercept=True)}
 * with {@code sample_weight} (weights not normalised).
 */
final class WeightedRidge {

    private WeightedRidge() {
    }

    /** Coefficients, intercept, weighted R^2 and the prediction at the original instance. */
    record Fit(double[] coefficients, double intercept, double score, double localPrediction) {
    }

    /**
     * Fits the ridge on {@code features} for the label at {@code slot} of the design.
     *
     * @throws IllegalStateException if the system is singular (only possible with alpha 0)
     */
    static Fit fit(WeightedDesign design, int slot, int[] features, double alpha) {
        double[][] block = design.gramBlock(features, alpha);
        double[] b = new double[features.length];
        double[] xy = design.labelCovariances[slot];
        for (int i = 0; i < features.length; i++) {
            b[i] = xy[features[i]];
        }
        double[] coef;
        if (features.length == 0) {
            coef = new double[0];
        } else {
            Cholesky cholesky = Cholesky.factor(block);
            if (cholesky == null) {
                throw new IllegalStateException("the selected features are collinear under the kernel weights: "
                        + "the ridge system with alpha " + alpha + " is singular; use an alpha > 0");
            }
            coef = cholesky.solve(b);
        }
        double intercept = design.labelMeans[slot];
        double local = 0;
        double explained = 0;
        double quadratic = 0;
        for (int i = 0; i < features.length; i++) {
            int f = features[i];
            intercept -= design.featureMeans[f] * coef[i];
            local += design.original[f] * coef[i];
            explained += coef[i] * b[i];
            double row = 0;
            for (int j = 0; j < features.length; j++) {
                row += design.gram[f][features[j]] * coef[j];
            }
            quadratic += coef[i] * row;
        }
        double syy = design.labelSumsOfSquares[slot];
        double residual = Math.max(0, syy - 2 * explained + quadratic);
        return new Fit(coef, intercept, weightedR2(residual, syy), intercept + local);
    }

    /** Weighted R^2 as scikit-learn's r2_score: 1 when both sums are 0, 0 when only the total is. */
    static double weightedR2(double residualSumOfSquares, double totalSumOfSquares) {
        if (totalSumOfSquares == 0) {
            return residualSumOfSquares == 0 ? 1.0 : 0.0;
        }
        return 1 - residualSumOfSquares / totalSumOfSquares;
    }
}
