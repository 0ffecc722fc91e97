package dev.limelight.core.sampling;

import java.util.Locale;

/**
 * Draw samples in rounds and stop as soon as the explanation is stable, instead of always paying
 * for the full budget: after each round (from the second on) the sampling noise of the fit so far is
 * estimated ({@link dev.limelight.core.SamplingNoise}: the sandwich covariance of the weights, for
 * the design actually drawn), D re-draws of the weights are simulated from it, and sampling stops
 * once the mean pairwise Jaccard index of their top-k segments (the agreement two runs of that many
 * samples would show) reaches the threshold for every explained label, or the budget
 * ({@link ImageExplainerOptions#samples()}) is spent. No model call is spent on the check. It is
 * best paired with {@link SamplingDesign#ORTHOGONAL}, whose weights are the least noisy for a given
 * number of samples (the command's {@code --adaptive} does so).
 *
 * @param roundSize samples per round, at least 10 (default 50)
 * @param threshold agreement to reach, in (0, 1] (default 0.8)
 * @param topK      size of the compared top sets, at least 1 (default 5)
 * @param draws     simulated re-draws per check, at least 2 (default 100)
 */
public record AdaptiveSampling(int roundSize, double threshold, int topK, int draws) {

    /** Rounds of 50, stop at top-5 agreement 0.8, 100 simulated re-draws. */
    public static final AdaptiveSampling DEFAULTS = new AdaptiveSampling(50, 0.8, 5, 100);

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
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be at least 2, got " + draws);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "adaptive(rounds of %d, predicted top-%d agreement >= %.2f, %d draws)",
                roundSize, topK, threshold, draws);
    }
}
