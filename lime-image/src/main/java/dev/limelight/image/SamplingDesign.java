package dev.limelight.image;

/**
 * How the perturbed samples (rows of the {@link SampleMatrix}) are drawn. Row 0 is always the
 * original image (every segment shown).
 */
public enum SamplingDesign {

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
    ANTITHETIC
}
