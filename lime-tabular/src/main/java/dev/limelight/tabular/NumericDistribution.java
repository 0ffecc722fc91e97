package dev.limelight.tabular;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A numeric column cut into bins learnt from training data, with each bin's training count, mean,
 * standard deviation and range, as the reference's discretizer keeps them. A perturbed row keeps the
 * explained row's bin with the training share of that bin, and otherwise takes another bin drawn
 * with the training frequencies; its value is then drawn in the bin from a normal distribution with
 * the bin's training mean and standard deviation, truncated to the bin's range (the column's
 * training minimum or a boundary below, a boundary or the column's maximum above), as the reference's
 * {@code undiscretize} does.
 *
 * @param bins   the boundaries and the conditions' names
 * @param counts training rows per bin
 * @param means  the training mean per bin (0 for an empty bin)
 * @param stds   the training standard deviation per bin (population; 0 for an empty bin)
 * @param lows   each bin's lower end: the column's training minimum, then the boundaries
 * @param highs  each bin's upper end: the boundaries, then the column's training maximum
 */
public record NumericDistribution(NumericBins bins, long[] counts, double[] means, double[] stds, double[] lows,
                                  double[] highs) implements ColumnDistribution {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Checks that every array has one entry per bin; copies them. */
    public NumericDistribution {
        int k = bins.binCount();
        if (counts.length != k || means.length != k || stds.length != k || lows.length != k || highs.length != k) {
            throw new IllegalArgumentException(bins.feature() + ": bin statistics must have " + k + " entries");
        }
        counts = counts.clone();
        means = means.clone();
        stds = stds.clone();
        lows = lows.clone();
        highs = highs.clone();
    }

    /**
     * Learns the bins and their statistics from a column's training values.
     *
     * @param name        the column's name
     * @param values      its training values, at least one, all finite
     * @param discretizer where the boundaries go
     * @return the distribution
     */
    public static NumericDistribution fit(String name, double[] values, Discretizer discretizer) {
        return fit(name, values, null, discretizer);
    }

    /**
     * Learns the bins and their statistics from a column's training values and labels.
     *
     * @param name        the column's name
     * @param values      its training values, at least one, all finite
     * @param labels      the training rows' class indices, or null (needed by {@link Discretizer#ENTROPY})
     * @param discretizer where the boundaries go
     * @return the distribution
     */
    public static NumericDistribution fit(String name, double[] values, int[] labels, Discretizer discretizer) {
        NumericBins bins = discretizer.fit(name, values, labels);
        int k = bins.binCount();
        long[] counts = new long[k];
        double[] sums = new double[k];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            int b = bins.bin(v);
            counts[b]++;
            sums[b] += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] means = new double[k];
        for (int b = 0; b < k; b++) {
            means[b] = counts[b] == 0 ? 0 : sums[b] / counts[b];
        }
        double[] squares = new double[k];
        for (double v : values) {
            int b = bins.bin(v);
            squares[b] += (v - means[b]) * (v - means[b]);
        }
        double[] stds = new double[k];
        double[] lows = new double[k];
        double[] highs = new double[k];
        double[] boundaries = bins.boundaries();
        for (int b = 0; b < k; b++) {
            stds[b] = counts[b] == 0 ? 0 : Math.sqrt(squares[b] / counts[b]);
            lows[b] = b == 0 ? min : boundaries[b - 1];
            highs[b] = b == k - 1 ? max : boundaries[b];
        }
        return new NumericDistribution(bins, counts, means, stds, lows, highs);
    }

    @Override
    public String name() {
        return bins.feature();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] stds() {
        return stds.clone();
    }

    @Override
    public double[] lows() {
        return lows.clone();
    }

    @Override
    public double[] highs() {
        return highs.clone();
    }

    @Override
    public String condition(double value) {
        return bins.condition(bins.bin(value));
    }

    @Override
    public double keepProbability(double value) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total == 0 ? 0 : counts[bins.bin(value)] / (double) total;
    }

    @Override
    public double draw(double original, boolean kept, SplittableRandom random) {
        int own = bins.bin(original);
        if (kept && counts[own] == 0) {
            return original;
        }
        int bin = own;
        if (!kept) {
            bin = ColumnDistribution.drawExcept(counts, own, random);
            if (bin == own) {
                return original;
            }
        }
        return valueIn(bin, random);
    }

    /**
     * A value of a bin: normal with the bin's training mean and standard deviation, truncated to the
     * bin's range, by the inverse of the normal distribution function; the mean when the bin's values
     * are all equal (or its range is one point).
     *
     * @param bin    a bin with training values
     * @param random the random source
     * @return the value
     */
    double valueIn(int bin, SplittableRandom random) {
        double mean = means[bin];
        double std = stds[bin];
        double low = lows[bin];
        double high = highs[bin];
        if (!(std > 0) || !(high > low)) {
            return Math.min(high, Math.max(low, mean));
        }
        double from = STANDARD_NORMAL.cumulativeProbability((low - mean) / std);
        double to = STANDARD_NORMAL.cumulativeProbability((high - mean) / std);
        if (!(to - from > 1e-12)) {
            return Math.min(high, Math.max(low, mean));
        }
        double u = from + random.nextDouble() * (to - from);
        double value = mean + std * STANDARD_NORMAL.inverseCumulativeProbability(u);
        return Math.min(high, Math.max(low, value));
    }
}
