package dev.limelight.image;

/**
 * Cuts an image into superpixels, the interpretable features of an image explanation.
 * Implementations are in {@code dev.limelight.image.segmentation}; {@link SegmenterKind} names
 * them and builds them.
 */
public interface Segmenter {

    /**
     * @param image a gray or RGB image
     * @return its segmentation, labels {@code 0 .. S-1}, S &gt;= 1
     */
    Segmentation segment(RasterImage image);

    /**
     * A segmenter that always answers the given segmentation, so that several explanations of one
     * image (checkpoints of a training run, seeds) share their features.
     *
     * @throws IllegalArgumentException from {@link #segment} if an image of another size is given
     */
    static Segmenter fixed(Segmentation segmentation) {
        return new Segmenter() {
            @Override
            public Segmentation segment(RasterImage image) {
                if (image.width() != segmentation.width() || image.height() != segmentation.height()) {
                    throw new IllegalArgumentException("the fixed segmentation is " + segmentation.width() + " x "
                            + segmentation.height() + ", the image " + image.width() + " x " + image.height());
                }
                return segmentation;
            }

            @Override
            public String toString() {
                return "fixed(" + segmentation.segmentCount() + " segments)";
            }
        };
    }
}
