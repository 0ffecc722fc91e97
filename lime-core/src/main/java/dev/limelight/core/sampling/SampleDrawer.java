package dev.limelight.core.sampling;

/**
 * Draws the sample matrix of an explanation: which features each perturbed sample keeps. Images and
 * text draw with a {@link SamplingDesign}; a table draws each column's cell with the training
 * frequency of the original's value ({@link SampleMatrix#drawKeeping}).
 */
@FunctionalInterface
public interface SampleDrawer {

    /**
     * @param samples  N, at least 1 (row 0 is the original: every feature kept)
     * @param features d, at least 1
     * @param seed     the random seed: the same seed gives the same matrix
     * @return the N x d matrix
     */
    SampleMatrix draw(int samples, int features, long seed);

    /** @return whether rows come in fold-over pairs (a row and its complement), the unit of resampling */
    default boolean pairs() {
        return false;
    }

    /**
     * @param design a sampling design
     * @return a drawer of that design
     */
    static SampleDrawer of(SamplingDesign design) {
        java.util.Objects.requireNonNull(design, "design");
        return new SampleDrawer() {
            @Override
            public SampleMatrix draw(int samples, int features, long seed) {
                return SampleMatrix.draw(samples, features, seed, design);
            }

            @Override
            public boolean pairs() {
                return design.pairs();
            }

            @Override
            public String toString() {
                return design.name().toLowerCase(java.util.Locale.ROOT);
            }
        };
    }
}
