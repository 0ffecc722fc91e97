package dev.limelight.image;

import dev.limelight.core.ImageLayout;
import dev.limelight.core.sampling.SampleMatrix;

/**
 * What both batch builders precompute once per explanation: the segment of every pixel, the fill,
 * the difference {@code image - fill} and the kept value {@code fill + (image - fill)} (which is
 * what {@code fill + 1 * diff} rounds to in float, so both builders agree to the bit).
 */
record MaskingPlan(int width, int height, int channels, ImageLayout layout, int segments, int[] labels,
                   float[] fill, float[] difference, float[] kept) {

    static MaskingPlan of(RasterImage image, RasterImage fill, Segmentation segmentation, ImageLayout layout) {
        if (image.width() != fill.width() || image.height() != fill.height() || image.channels() != fill.channels()) {
            throw new IllegalArgumentException("fill " + fill + " does not match image " + image);
        }
        if (image.width() != segmentation.width() || image.height() != segmentation.height()) {
            throw new IllegalArgumentException("segmentation " + segmentation + " does not match image " + image);
        }
        float[] pixels = image.data();
        float[] fills = fill.data();
        float[] difference = new float[pixels.length];
        float[] kept = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            difference[i] = pixels[i] - fills[i];
            kept[i] = fills[i] + difference[i];
        }
        return new MaskingPlan(image.width(), image.height(), image.channels(), layout, segmentation.segmentCount(),
                segmentation.labelData(), fills, difference, kept);
    }

    long[] shape(int count) {
        return layout.shape(count, channels, height, width);
    }

    void requireTarget(org.nd4j.linalg.api.ndarray.INDArray target) {
        if (target.dataType() != org.nd4j.linalg.api.buffer.DataType.FLOAT || target.ordering() != 'c' || target.isView()
                || !java.util.Arrays.equals(target.shape(), shape((int) target.size(0)))) {
            throw new IllegalArgumentException("target must be a float c-order batch of shape "
                    + java.util.Arrays.toString(shape((int) target.size(0))) + ", not a view; got "
                    + java.util.Arrays.toString(target.shape()) + " " + target.dataType() + " " + target.ordering());
        }
    }

    void requireMatching(SampleMatrix samples, int from, int count) {
        if (samples.features() != segments) {
            throw new IllegalArgumentException("sample matrix has " + samples.features() + " segments, the image "
                    + segments);
        }
        if (from < 0 || count < 1 || from + count > samples.samples()) {
            throw new IllegalArgumentException("rows [" + from + ", " + (from + count) + ") are outside the "
                    + samples.samples() + " samples");
        }
    }
}
