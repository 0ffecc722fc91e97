package dev.limelight.audit.slices;

import java.io.Serializable;

/**
 * How weak slices are searched.
 *
 * @param minShare     the least share of the rows a slice holds (default 0.05)
 * @param minCount     the least rows a slice holds, and the least it leaves out (default 20)
 * @param bins         quantile bins per image property (default 4: quartiles)
 * @param pairs        whether conjunctions of two cohorts are searched too (default true)
 * @param alpha        family-wise error rate of the Holm correction (default 0.05)
 * @param maxReported  the most slices reported (default 10)
 */
public record SliceOptions(double minShare, int minCount, int bins, boolean pairs, double alpha, int maxReported)
        implements Serializable {

    /** The defaults. */
    public static final SliceOptions DEFAULTS = new SliceOptions(0.05, 20, 4, true, 0.05, 10);

    /** @throws IllegalArgumentException if a value is outside its range */
    public SliceOptions {
        if (!(minShare >= 0 && minShare < 1)) {
            throw new IllegalArgumentException("minShare must be in [0, 1), got " + minShare);
        }
        if (minCount < 1 || bins < 2 || maxReported < 1) {
            throw new IllegalArgumentException("minCount and maxReported must be at least 1 and bins at least 2, got "
                    + minCount + ", " + maxReported + ", " + bins);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }

    /** @return the least rows of a slice among {@code rows} */
    public int minSupport(int rows) {
        return Math.max(minCount, (int) Math.ceil(minShare * rows));
    }
}
