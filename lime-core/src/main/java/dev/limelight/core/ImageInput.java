package dev.limelight.core;

/**
 * What an {@link ImageClassifier} accepts: images of one size, with 1 (grayscale) or 3 (RGB)
 * channels, in one memory layout.
 *
 * @param height   rows of every image, at least 1
 * @param width    columns of every image, at least 1
 * @param channels 1 for grayscale, 3 for RGB
 * @param layout   how a batch is laid out in memory
 */
public record ImageInput(int height, int width, int channels, ImageLayout layout) {

    /**
     * @throws IllegalArgumentException if a size is below 1, the channel count is not 1 or 3, or
     *                                  the layout is null
     */
    public ImageInput {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be at least 1 x 1, got " + height + " x " + width);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grayscale) or 3 (RGB), got " + channels);
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
    }

    /** @return the shape of a batch of {@code n} such images */
    public long[] batchShape(long n) {
        return layout.shape(n, channels, height, width);
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels + " " + layout;
    }
}
