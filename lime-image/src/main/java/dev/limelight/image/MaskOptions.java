package dev.limelight.image;

/**
 * The arguments of the reference's {@code ImageExplanation.get_image_and_mask}, with its defaults:
 * positive only, not negative only, rest not hidden, 5 features, minimum weight 0.
 *
 * @param positiveOnly only segments with weight &gt; max(0, minWeight)
 * @param negativeOnly only segments with weight &lt; 0 and |weight| &gt; minWeight
 * @param hideRest     black (0) outside the chosen segments instead of the image
 * @param numFeatures  at most this many segments (taken in order of |weight|)
 * @param minWeight    the weight threshold described above
 */
public record MaskOptions(boolean positiveOnly, boolean negativeOnly, boolean hideRest, int numFeatures,
                          double minWeight) {

    /** The reference's defaults. */
    public static final MaskOptions DEFAULTS = new MaskOptions(true, false, false, 5, 0.0);

    /**
     * @throws IllegalArgumentException if both positiveOnly and negativeOnly are set, or numFeatures &lt; 0
     */
    public MaskOptions {
        if (positiveOnly && negativeOnly) {
            throw new IllegalArgumentException("positiveOnly and negativeOnly cannot both be true");
        }
        if (numFeatures < 0) {
            throw new IllegalArgumentException("numFeatures must be >= 0, got " + numFeatures);
        }
    }

    /** @return these options showing both signs (positive green, negative red in the reference's colours) */
    public MaskOptions bothSigns() {
        return new MaskOptions(false, false, hideRest, numFeatures, minWeight);
    }

    /** @return these options with another feature count */
    public MaskOptions withNumFeatures(int n) {
        return new MaskOptions(positiveOnly, negativeOnly, hideRest, n, minWeight);
    }
}
