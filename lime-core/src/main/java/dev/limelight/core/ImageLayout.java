package dev.limelight.core;

/** Memory layout of a batch of images. */
public enum ImageLayout {

    /** [batch, channels, height, width]: DL4J-built and zoo networks. */
    NCHW,

    /** [batch, height, width, channels]: Keras models imported with channels_last. */
    NHWC;

    /**
     * @return the shape of a batch of {@code n} images of this layout
     */
    public long[] shape(long n, long channels, long height, long width) {
        return this == NCHW ? new long[] {n, channels, height, width} : new long[] {n, height, width, channels};
    }
}
