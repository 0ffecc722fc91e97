package dev.limelight.core;

/**
 * How K-Lasso chooses the at most K features of the local surrogate before its final weighted
 * ridge fit. The names and rules are those of the reference {@code lime} package.
 */
public enum FeatureSelection {

    /** Every feature is kept; K is ignored. */
    NONE,

    /**
     * K greedy rounds; each adds the unused feature whose weighted least-squares fit (with the
     * features already chosen) has the highest weighted R^2. Ties go to the lower index.
     */
    FORWARD_SELECTION,

    /**
     * The K features with the largest {@code |coef_j * x0_j|} in a weighted ridge fit
     * (alpha 0.01) on all features, where x0 is the original instance.
     */
    HIGHEST_WEIGHTS,

    /**
     * The LARS-lasso path on the weighted, centred data; the features of the least regularised
     * knot with at most K non-zero coefficients. May return fewer than K features.
     */
    LASSO_PATH,

    /** {@link #FORWARD_SELECTION} when K &lt;= 6, {@link #HIGHEST_WEIGHTS} above. */
    AUTO;

    /** K up to which {@link #AUTO} uses forward selection: 6. */
    public static final int AUTO_FORWARD_SELECTION_LIMIT = 6;

    /**
     * Resolves {@link #AUTO} for a given K; other modes are returned unchanged.
     *
     * @param numFeatures K, at least 1
     * @return the concrete mode used for K
     */
    public FeatureSelection resolve(int numFeatures) {
        if (this != AUTO) {
            return this;
        }
        return numFeatures <= AUTO_FORWARD_SELECTION_LIMIT ? FORWARD_SELECTION : HIGHEST_WEIGHTS;
    }
}
