package dev.limelight.audit.compare;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * McNemar's test on paired predictions: of the images exactly one model gets right, are those that
 * only B gets right ({@code fixed}) as many as those only A gets right ({@code broken})? The p-value
 * is the exact two-sided binomial one (the discordant pairs split 50 : 50 under no difference), which
 * is right for small counts too; {@code statistic} is the continuity-corrected chi-square
 * {@code (|fixed - broken| - 1)^2 / (fixed + broken)}, 0 when there is no discordant pair.
 *
 * @param fixed     images A gets wrong and B right
 * @param broken    images A gets right and B wrong
 * @param statistic the chi-square statistic
 * @param pValue    the exact two-sided p-value (1 when no image differs)
 */
public record McNemar(int fixed, int broken, double statistic, double pValue) {

    /** @return the test of these counts */
    public static McNemar of(int fixed, int broken) {
        if (fixed < 0 || broken < 0) {
            throw new IllegalArgumentException("counts must be non-negative, got " + fixed + " and " + broken);
        }
        int n = fixed + broken;
        if (n == 0) {
            return new McNemar(0, 0, 0, 1);
        }
        double statistic = Math.pow(Math.max(0, Math.abs(fixed - broken) - 1), 2) / n;
        double p = Math.min(1, 2 * new BinomialDistribution(null, n, 0.5).cumulativeProbability(Math.min(fixed, broken)));
        return new McNemar(fixed, broken, statistic, p);
    }
}
