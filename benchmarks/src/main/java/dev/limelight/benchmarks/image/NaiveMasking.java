package dev.limelight.benchmarks.image;

import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The baseline the batch builders are compared with: what a straightforward port of the
 * reference's loop does, per perturbed sample: copy the image, write the fill into the hidden
 * pixels, then put the copy into the batch.
 */
final class NaiveMasking {

    private NaiveMasking() {
    }

    /** Builds rows [from, from + count) as an NHWC batch, one image copy per sample. */
    static INDArray build(RasterImage image, RasterImage fill, Segmentation segmentation, SampleMatrix samples,
                          int from, int count) {
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        float[] original = image.pixels();
        float[] fills = fill.pixels();
        int[] labels = segmentation.labels();
        INDArray batch = Nd4j.create(DataType.FLOAT, count, h, w, c);
        for (int i = 0; i < count; i++) {
            float[] copy = original.clone();
            for (int p = 0; p < labels.length; p++) {
                if (!samples.keeps(from + i, labels[p])) {
                    for (int ch = 0; ch < c; ch++) {
                        copy[p * c + ch] = fills[p * c + ch];
                    }
                }
            }
            batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).assign(Nd4j.create(copy, new long[] {h, w, c}, 'c'));
        }
        return batch;
    }
}
