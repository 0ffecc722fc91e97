package dev.limelight.image;

import dev.limelight.core.ImageLayout;
import dev.limelight.core.PreprocessedInput;
import dev.limelight.core.sampling.SampleMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

    /**
     * The plan with the image and the fill preprocessed by the classifier (both as one batch of two,
     * in the plan's layout), for the direct builder: its batches are then the preprocessed batches
     * to the bit, since it copies whole pixels of one or the other. The difference is not kept
     * equal to {@code kept - fill} to the bit, so the ND4J-op builder does not take such a plan.
     */
    MaskingPlan preprocessedBy(PreprocessedInput preprocessing) {
        int size = kept.length;
        float[] both = new float[2 * size];
        System.arraycopy(inLayout(kept), 0, both, 0, size);
        System.arraycopy(inLayout(fill), 0, both, size, size);
        try (INDArray images = Nd4j.create(both, shape(2), 'c')) {
            preprocessing.preprocessInPlace(images);
            both = images.data().asFloat();
        }
        float[] keptOut = new float[size];
        float[] fillOut = new float[size];
        if (layout == ImageLayout.NCHW) {
            interleaved(both, 0, keptOut);
            interleaved(both, size, fillOut);
        } else {
            System.arraycopy(both, 0, keptOut, 0, size);
            System.arraycopy(both, size, fillOut, 0, size);
        }
        float[] differenceOut = new float[size];
        for (int i = 0; i < size; i++) {
            differenceOut[i] = keptOut[i] - fillOut[i];
        }
        return new MaskingPlan(width, height, channels, layout, segments, labels, fillOut, differenceOut, keptOut);
    }

    /** @return interleaved pixels (as {@link #kept} and {@link #fill} hold them) in the plan's layout: planes for NCHW */
    float[] inLayout(float[] interleaved) {
        if (layout != ImageLayout.NCHW) {
            return interleaved;
        }
        int pixels = width * height;
        float[] planar = new float[interleaved.length];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < channels; c++) {
                planar[c * pixels + p] = interleaved[p * channels + c];
            }
        }
        return planar;
    }

    private void interleaved(float[] planar, int at, float[] out) {
        int pixels = width * height;
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < channels; c++) {
                out[p * channels + c] = planar[at + c * pixels + p];
            }
        }
    }

    long[] shape(int count) {
        return layout.shape(count, channels, height, width);
    }

    void requireTarget(INDArray target) {
        if (target.dataType() != DataType.FLOAT || target.ordering() != 'c' || target.isView()
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
