package dev.limelight.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How far the weights of a K-Lasso surrogate would move if its samples were drawn again: the
 * sandwich (heteroscedasticity-robust) covariance of the final weighted ridge fit, estimated from
 * the samples already scored, with no model call.
 *
 * <p>With kernel weights {@code w}, centred rows {@code x_i}, residuals {@code r_i} and
 * {@code G = X^T W X + alpha I}, the weights are {@code G^-1 X^T W y}; a new draw of the samples
 * moves them by about {@code G^-1 sum_u xi_u s_u}, where the sampling units {@code u} are the rows
 * (or the fold-over pairs of a paired design), {@code s_u} the sum of their scores
 * {@code w_i x_i r_i}, and the {@code xi_u} independent standard normal multipliers (the Gaussian
 * multiplier, or wild, bootstrap of the sandwich covariance). The scores are inflated by
 * {@code units / (units - dof)}, dof the trace of the ridge's hat matrix, because residuals of a
 * fitted model are smaller than the noise (HC1).
 *
 * <p>Unlike refitting on resampled rows, this judges the design that was actually drawn: it uses the
 * real {@code G}, so a design whose columns are orthogonal by construction is credited for it,
 * where a resample with replacement would break the orthogonality and judge a worse design.
 * Instances are immutable.
 */
public final class SamplingNoise {

    private final int[] features;
    private final double[] coefficients;
    private final double[][] inverseGram;
    private final double[][] scores;
    private final double degreesOfFreedom;
    private final boolean estimable;

    private SamplingNoise(int[] features, double[] coefficients, double[][] inverseGram, double[][] scores,
                          double degreesOfFreedom, boolean estimable) {
        this.features = features;
        this.coefficients = coefficients;
        this.inverseGram = inverseGram;
        this.scores = scores;
        this.degreesOfFreedom = degreesOfFreedom;
        this.estimable = estimable;
    }

    /**
     * Estimates the sampling noise of the ridge fit of one label on the given features.
     *
     * @param neighbourhood  the scored samples, row 0 the original
     * @param kernel         the kernel that weighs them (as in the fit)
     * @param label          the column of the predictions
     * @param features       the fitted features (the explanation's), at least one, no repeats
     * @param ridgeAlpha     the ridge penalty of the fit, &gt;= 0
     * @param foldOverPairs  whether rows (1, 2), (3, 4), ... are fold-over pairs, drawn together
     * @return the noise estimate
     * @throws IllegalArgumentException if an index is out of range, the kernel weights are all 0, or
     *                                  the ridge system is singular
     */
    public static SamplingNoise of(Neighbourhood neighbourhood, Kernel kernel, int label, int[] features,
                                   double ridgeAlpha, boolean foldOverPairs) {
        Objects.requireNonNull(neighbourhood, "neighbourhood");
        Objects.requireNonNull(kernel, "kernel");
        int d = neighbourhood.featureCount();
        if (label < 0 || label >= neighbourhood.labelCount()) {
            throw new IllegalArgumentException("label " + label + " is out of range 0.." + (neighbourhood.labelCount() - 1));
        }
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("at least one feature is required");
        }
        Set<Integer> seen = new HashSet<>();
        for (int f : features) {
            if (f < 0 || f >= d || !seen.add(f)) {
                throw new IllegalArgumentException("feature " + f + " is out of range 0.." + (d - 1) + " or repeated");
            }
        }
        if (!(ridgeAlpha >= 0)) {
            throw new IllegalArgumentException("ridge alpha must be >= 0, got " + ridgeAlpha);
        }
        int n = neighbourhood.sampleCount();
        int p = features.length;
        WeightedDesign design = WeightedDesign.of(neighbourhood, kernel, new int[] {label});
        double[] w = design.weights;
        double[][] gram = design.gramBlock(features, 0);
        double[][] penalised = design.gramBlock(features, ridgeAlpha);
        double[] xy = new double[p];
        double[] means = new double[p];
        for (int j = 0; j < p; j++) {
            xy[j] = design.labelCovariances[0][features[j]];
            means[j] = design.featureMeans[features[j]];
        }
        double yMean = design.labelMeans[0];
        double[][] data = MatrixRows.of(neighbourhood.dataView());
        double[][] predictions = MatrixRows.of(neighbourhood.predictionsView());
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = data[i][features[j]] - means[j];
            }
            y[i] = predictions[i][label] - yMean;
        }
        Cholesky cholesky = Cholesky.factor(penalised);
        if (cholesky == null) {
            throw new IllegalArgumentException("the features are collinear under the kernel weights and alpha is "
                    + ridgeAlpha + ": the ridge system is singular");
        }
        double[][] inverse = new double[p][];
        for (int j = 0; j < p; j++) {
            double[] unit = new double[p];
            unit[j] = 1;
            inverse[j] = cholesky.solve(unit);
        }
        double[] coef = cholesky.solve(xy);
        double dof = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                dof += inverse[a][b] * gram[b][a];
            }
        }
        int units = foldOverPairs ? 1 + (n - 1) / 2 + (n - 1) % 2 : n;
        double[][] unitScores = new double[units][p];
        for (int i = 0; i < n; i++) {
            double residual = y[i];
            for (int j = 0; j < p; j++) {
                residual -= x[i][j] * coef[j];
            }
            int unit = foldOverPairs && i > 0 ? (i + 1) / 2 : i;
            for (int j = 0; j < p; j++) {
                unitScores[unit][j] += w[i] * x[i][j] * residual;
            }
        }
        // fewer units than parameters: the residuals are fitted away and say nothing about the noise
        boolean estimable = units > Math.max(dof, p) + 1;
        double inflation = estimable ? Math.sqrt(units / (units - dof)) : Double.POSITIVE_INFINITY;
        for (double[] score : unitScores) {
            for (int j = 0; j < p; j++) {
                score[j] *= inflation;
            }
        }
        return new SamplingNoise(features.clone(), coef, inverse, unitScores, dof, estimable);
    }

    /** @return the fitted features, in the order of {@link #coefficients()} */
    public int[] features() {
        return features.clone();
    }

    /** @return the ridge weights of the features */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** @return the effective number of fitted parameters (trace of the ridge's hat matrix) */
    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * @return whether there are at least two more sampling units than fitted features, so that the
     *         residuals say something about the noise; if not, the standard errors are infinite and
     *         the predicted agreement 0
     */
    public boolean isEstimable() {
        return estimable;
    }

    /** @return the standard error of each weight, in the order of {@link #coefficients()} */
    public double[] standardErrors() {
        int p = features.length;
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            // diag(G^-1 M G^-1)_j = sum_u (row j of G^-1 . s_u)^2
            double sum = 0;
            for (double[] score : scores) {
                double dot = 0;
                for (int k = 0; k < p; k++) {
                    dot += inverseGram[j][k] * score[k];
                }
                sum += dot * dot;
            }
            se[j] = Math.sqrt(sum);
        }
        return se;
    }

    /**
     * The agreement two explanations from fresh draws of the same number of samples would show:
     * the mean pairwise Jaccard index of the top-k features (by |weight|) of {@code draws} simulated
     * re-draws of the weights. Repeatable for a seed.
     *
     * @param k      top-set size, at least 1
     * @param draws  simulated re-draws, at least 2
     * @param seed   seed of the multipliers
     * @return the predicted agreement in [0, 1]; 0 if the noise is not {@link #isEstimable() estimable}
     */
    public double predictedTopKAgreement(int k, int draws, long seed) {
        return forecastTopK(k, draws, seed).agreement();
    }

    /**
     * What fresh draws of the same number of samples would make of the top k: their predicted mean
     * pairwise agreement and, per feature, the share of simulated re-draws that put it in the top k
     * (1 for a feature that is always there; about 1/2 for each of two tied for the last place).
     * Repeatable for a seed.
     *
     * @param k      top-set size, at least 1
     * @param draws  simulated re-draws, at least 2
     * @param seed   seed of the multipliers
     * @return the forecast; agreement 0 and no shares if the noise is not {@link #isEstimable() estimable}
     */
    public TopKForecast forecastTopK(int k, int draws, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be at least 2, got " + draws);
        }
        if (!isEstimable()) {
            return new TopKForecast(k, 0, Map.of());
        }
        int p = features.length;
        SplittableRandom random = new SplittableRandom(seed);
        List<Set<Integer>> tops = new ArrayList<>(draws);
        Map<Integer, Integer> counts = new HashMap<>();
        double[] shift = new double[p];
        for (int t = 0; t < draws; t++) {
            Arrays.fill(shift, 0);
            for (double[] score : scores) {
                double xi = random.nextGaussian();
                for (int j = 0; j < p; j++) {
                    shift[j] += xi * score[j];
                }
            }
            double[] drawn = new double[p];
            for (int a = 0; a < p; a++) {
                double sum = coefficients[a];
                for (int b = 0; b < p; b++) {
                    sum += inverseGram[a][b] * shift[b];
                }
                drawn[a] = sum;
            }
            Set<Integer> top = topK(drawn, k);
            tops.add(top);
            for (int f : top) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        Map<Integer, Double> shares = new HashMap<>();
        counts.forEach((feature, count) -> shares.put(feature, (double) count / draws));
        return new TopKForecast(k, TopSets.meanPairwiseJaccard(tops), shares);
    }

    private Set<Integer> topK(double[] weights, int k) {
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Math.abs(weights[i])).reversed());
        Set<Integer> top = new HashSet<>();
        for (int i = 0; i < Math.min(k, order.length); i++) {
            top.add(features[order[i]]);
        }
        return top;
    }

    @Override
    public String toString() {
        return "SamplingNoise[features=" + features.length + ", units=" + scores.length + ", dof="
                + String.format(java.util.Locale.ROOT, "%.1f", degreesOfFreedom) + "]";
    }
}
