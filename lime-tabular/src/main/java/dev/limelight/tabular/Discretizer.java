package dev.limelight.tabular;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How a numeric column is cut into bins, learnt from training data, as the reference {@code lime}
 * package's {@code QuartileDiscretizer} and {@code DecileDiscretizer} do: the boundaries are the
 * column's percentiles (25, 50, 75; or 10 to 90), computed as numpy's default {@code percentile}
 * does (linear interpolation between the closest ranks), with repeated boundaries kept once.
 */
public enum Discretizer {

    /** Four bins at the quartiles (the reference's default). */
    QUARTILE(25, 50, 75),

    /** Ten bins at the deciles. */
    DECILE(10, 20, 30, 40, 50, 60, 70, 80, 90);

    private final double[] percentiles;

    Discretizer(double... percentiles) {
        this.percentiles = percentiles;
    }

    /**
     * @param feature the column's name, for the bins' conditions
     * @param values  the column's training values, at least one, all finite
     * @return the column's bins
     * @throws IllegalArgumentException for no values, or a value that is not finite
     */
    public NumericBins fit(String feature, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("column '" + feature + "' has no training values to bin");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("column '" + feature + "' has a value that is not finite: " + v);
            }
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values.clone());
        double[] boundaries = Arrays.stream(percentiles).map(percentile::evaluate).distinct().sorted().toArray();
        return new NumericBins(feature, boundaries);
    }
}
