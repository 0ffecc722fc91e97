package dev.limelight.tabular;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A numeric column cut at increasing boundaries b1 < ... < bk into k + 1 bins: {@code x <= b1},
 * {@code b1 < x <= b2}, ..., {@code x > bk}. A value on a boundary belongs to the bin below it, as
 * numpy's {@code searchsorted} puts it in the reference. The conditions are written as the
 * reference writes them, boundaries with two decimals ({@code "Age <= 42.00"}).
 *
 * @param feature    the column's name
 * @param boundaries the boundaries, increasing, at least one
 */
public record NumericBins(String feature, double[] boundaries) {

    /** Copies the boundaries; checks that they increase. */
    public NumericBins {
        if (boundaries.length == 0) {
            throw new IllegalArgumentException("column '" + feature + "' needs at least one boundary");
        }
        boundaries = boundaries.clone();
        for (int i = 1; i < boundaries.length; i++) {
            if (!(boundaries[i] > boundaries[i - 1])) {
                throw new IllegalArgumentException("the boundaries of '" + feature + "' must increase: "
                        + Arrays.toString(boundaries));
            }
        }
    }

    @Override
    public double[] boundaries() {
        return boundaries.clone();
    }

    /** @return the number of bins: one more than the boundaries */
    public int binCount() {
        return boundaries.length + 1;
    }

    /** @return the bin of a value: the number of boundaries below it */
    public int bin(double value) {
        int bin = 0;
        while (bin < boundaries.length && boundaries[bin] < value) {
            bin++;
        }
        return bin;
    }

    /**
     * @param bin a bin, 0 to {@link #binCount()} - 1
     * @return its condition in words, as the reference names it: {@code "Age <= 42.00"},
     *         {@code "42.00 < Age <= 55.50"}, {@code "Age > 55.50"}
     */
    public String condition(int bin) {
        if (bin < 0 || bin > boundaries.length) {
            throw new IllegalArgumentException("bin " + bin + " of '" + feature + "', which has " + binCount());
        }
        if (bin == 0) {
            return feature + " <= " + twoDecimals(boundaries[0]);
        }
        if (bin == boundaries.length) {
            return feature + " > " + twoDecimals(boundaries[bin - 1]);
        }
        return twoDecimals(boundaries[bin - 1]) + " < " + feature + " <= " + twoDecimals(boundaries[bin]);
    }

    /**
     * The value with two decimals as Python's {@code '%.2f'} writes it: the double's exact value
     * rounded half to even (Java's {@code %.2f} rounds half up, and writes 0.125 as 0.13 where the
     * reference writes 0.12).
     */
    static String twoDecimals(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
