package dev.limelight.image;

import java.util.Locale;

/**
 * Draw samples in rounds and stop as soon as the explanation is stable, instead of always paying
 * for the full budget: after each round (from the second on) the top-k segments of B bootstrap
 * refits (the rows after the original resampled with replacement) are compared, and sampling stops
 * once their mean pairwise Jaccard index reaches the threshold for every explained label, or the
 * budget ({@link ImageExplainerOptions#samples()}) is spent.
 *
 * @param roundSize samples per round, at least 10 (default 100)
 * @param threshold agreement to reach, in (0, 1] (default 0.8)
 * @param topK      size of the compared top sets, at least 1 (default 5)
 * @param bootstrap refits per check, at least 2 (default 20)
 */
public record AdaptiveSampling(int roundSize, double threshold, int topK, int bootstrap) {

    /** Rounds of 100, stop at top-5 agreement 0.8, 20 bootstrap refits. */
    public static final AdaptiveSampling DEFAULTS = new AdaptiveSampling(100, 0.8, 5, 20);

    /** @throws IllegalArgumentException if a value is outside its range */
    public AdaptiveSampling {
        if (roundSize < 10) {
            throw new IllegalArgumentException("roundSize must be at least 10, got " + roundSize);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, got " + topK);
        }
        if (bootstrap < 2) {
            throw new IllegalArgumentException("bootstrap must be at least 2, got " + bootstrap);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "adaptive(rounds of %d, top-%d agreement >= %.2f, %d bootstrap refits)",
                roundSize, topK, threshold, bootstrap);
    }
}
