package dev.limelight.core.sampling;

/**
 * How the perturbed samples (rows of the {@link SampleMatrix}) are drawn. Row 0 is always the
 * original input (every feature present). A feature is a segment of an image or a word of a text.
 */
public enum SamplingDesign {

    /**
     * The reference's design for text ({@code LimeTextExplainer}): every row removes k distinct
     * features, k uniform on 1..d and the removed set uniform among the sets of that size, so a row
     * may remove every feature.
     */
    REMOVAL,

    /**
     * The reference's design: every segment of every row is shown or hidden with probability 1/2,
     * independently.
     */
    INDEPENDENT,

    /**
     * Fold-over pairs: rows are drawn as in {@link #INDEPENDENT}, and each drawn row is followed by
     * its complement (the segments it shows hidden and the other way round). Each segment is then
     * shown in exactly half of the pairs' rows, and, over a pair, a segment's centred column is
     * orthogonal to every product of an even number of segments' columns: in an unweighted linear
     * fit, two-segment interactions of the model no longer leak into the segment weights (the
     * fold-over of design of experiments). The kernel weights a row and its complement differently,
     * so with LIME's weighting the cancellation is partial.
     */
    ANTITHETIC,

    /**
     * Fold-over pairs whose drawn rows come from randomised orthogonal arrays: blocks of M rows (M the
     * smallest power of two above the number of segments S) taken from a Sylvester Hadamard matrix,
     * each block with its own random choice of columns, random flip per segment and random row order,
     * every drawn row followed by its complement. Each row on its own is still uniform on {0,1}^S, as
     * in the reference, so the fit converges to the same explanation; but within a block of 2M rows
     * every segment is shown in exactly half the rows, any two segments together in exactly a quarter,
     * any three in an eighth (strength 3). The segment columns are then orthogonal by construction
     * instead of by chance: with independent rows, or independent pairs, a least-squares fit of d
     * weights on n rows pays a variance factor of about n / (n - d) for the chance correlations
     * between columns (n / 2 / (n / 2 - d) for pairs), which this design removes, on top of the
     * fold-over's cancellation of two-segment interactions.
     */
    ORTHOGONAL;

    /** @return whether rows come in fold-over pairs (a row and its complement), the unit of resampling */
    public boolean pairs() {
        return this == ANTITHETIC || this == ORTHOGONAL;
    }
}
