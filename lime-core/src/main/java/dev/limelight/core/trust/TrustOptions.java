package dev.limelight.core.trust;

/**
 * Which measures of how far to trust an explanation are taken, beside the explanation itself.
 *
 * @param stabilityRuns  explain with this many seeds (seed, seed + 1, ...) and report the agreement
 *                       of their top features; 1 is off
 * @param stabilityTopK  the size of the compared top sets
 * @param fidelityCurves deletion and insertion curves against random orders
 * @param counterfactual search the fewest top features whose removal flips the predicted label
 */
public record TrustOptions(int stabilityRuns, int stabilityTopK, boolean fidelityCurves, boolean counterfactual) {

    /** No measure. */
    public static final TrustOptions NONE = new TrustOptions(1, 5, false, false);

    /** @throws IllegalArgumentException if a count is below 1 */
    public TrustOptions {
        if (stabilityRuns < 1) {
            throw new IllegalArgumentException("stabilityRuns must be at least 1, got " + stabilityRuns);
        }
        if (stabilityTopK < 1) {
            throw new IllegalArgumentException("stabilityTopK must be at least 1, got " + stabilityTopK);
        }
    }

    /** @return these options with stability over {@code runs} seeds comparing the top {@code topK} features */
    public TrustOptions withStability(int runs, int topK) {
        return new TrustOptions(runs, topK, fidelityCurves, counterfactual);
    }

    /** @return these options with fidelity curves on or off */
    public TrustOptions withFidelityCurves(boolean on) {
        return new TrustOptions(stabilityRuns, stabilityTopK, on, counterfactual);
    }

    /** @return these options with the counterfactual search on or off */
    public TrustOptions withCounterfactual(boolean on) {
        return new TrustOptions(stabilityRuns, stabilityTopK, fidelityCurves, on);
    }
}
