package dev.limelight.tabular;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How a numeric column is cut into bins, learnt from training data, as the reference {@code lime}
 * package's {@code QuartileDiscretizer}, {@code DecileDiscretizer} and {@code EntropyDiscretizer} do:
 * the boundaries are the column's percentiles (25, 50, 75; or 10 to 90), computed as numpy's default
 * {@code percentile} does (linear interpolation between the closest ranks), or the thresholds of a
 * depth-3 entropy tree on the column and the labels; repeated boundaries are kept once.
 */
public enum Discretizer {

    /** Four bins at the quartiles (the reference's default). */
    QUARTILE(25, 50, 75),

    /** Ten bins at the deciles. */
    DECILE(10, 20, 30, 40, 50, 60, 70, 80, 90),

    /**
     * Up to eight bins where a classification tree of depth 3 on the column alone splits the labels
     * ({@link EntropySplits}); the median when it does not split. Needs labelled training rows.
     */
    ENTROPY;

    private final double[] percentiles;

    Discretizer(double... percentiles) {
        this.percentiles = percentiles;
    }

    /** @return whether the boundaries are learnt from the labels too ({@link #ENTROPY}) */
    public boolean needsLabels() {
        return this == ENTROPY;
    }

    /**
     * @param feature the column's name, for the bins' conditions
     * @param values  the column's training values, at least one, all finite
     * @param labels  the training rows' class indices (only {@link #ENTROPY} reads them)
     * @return the column's bins
     * @throws IllegalArgumentException for no values, a value that is not finite, or labels that do not
     *                                  match the values where they are needed
     */
    public NumericBins fit(String feature, double[] values, int[] labels) {
        if (this != ENTROPY) {
            return fit(feature, values);
        }
        check(feature, values);
        if (labels == null || labels.length != values.length) {
            throw new IllegalArgumentException("entropy bins of '" + feature + "' need a label per training row");
        }
        double[] thresholds = EntropySplits.thresholds(values, labels);
        return new NumericBins(feature, thresholds.length > 0 ? thresholds
                : new double[] {percentile(values, 50)});
    }

    /**
     * @param feature the column's name, for the bins' conditions
     * @param values  the column's training values, at least one, all finite
     * @return the column's bins
     * @throws IllegalArgumentException for no values, or a value that is not finite; for
     *                                  {@link #ENTROPY}, which needs labels
     */
    public NumericBins fit(String feature, double[] values) {
        if (this == ENTROPY) {
            throw new IllegalArgumentException("entropy bins of '" + feature + "' are learnt from labels: the training "
                    + "table needs its label column");
        }
        check(feature, values);
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values.clone());
        double[] boundaries = Arrays.stream(percentiles).map(percentile::evaluate).distinct().sorted().toArray();
        return new NumericBins(feature, boundaries);
    }

    private static double percentile(double[] values, double p) {
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        return percentile.evaluate(values.clone(), p);
    }

    private static void check(String feature, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("column '" + feature + "' has no training values to bin");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("column '" + feature + "' has a value that is not finite: " + v);
            }
        }
    }
}
