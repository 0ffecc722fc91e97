package dev.limelight.text.perturb;

import dev.limelight.core.sampling.SampleMatrix;

/**
 * Builds the text of any row of a {@link SampleMatrix} matrix for one explanation. Made by
 * {@link Perturbation#prepare}; thread-safe, so rows may be built in parallel, and the text of a
 * row depends only on the row's flags, the row index and the seed.
 */
@FunctionalInterface
public interface PerturbedTextBuilder {

    /**
     * @param samples the sample matrix of the explanation
     * @param row     the row, 0..N-1; row 0 (everything present) gives the original text
     * @return the perturbed text of that row
     */
    String build(SampleMatrix samples, int row);
}
