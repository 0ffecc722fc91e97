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
}
