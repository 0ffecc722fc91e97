package dev.limelight.image;

import dev.limelight.core.ImageLayout;
import dev.limelight.core.PreprocessedInput;
import dev.limelight.core.sampling.SampleMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the perturbed images of a chunk of samples as one model batch, without a per-sample copy
 * of the image: pixel p of sample i is {@code fill[p] + z[i, segment(p)] * (image[p] - fill[p])}.
 *
 * <p>Two implementations give bit-identical batches: {@link DirectBufferBatchBuilder} writes the
 * chunk straight into the off-heap buffer from parallel Java loops (CPU backend), and
 * {@link NdOpsBatchBuilder} uses ND4J ops only (a gather of the sample rows by segment index,
 * then broadcast multiply and add), so it runs on a device backend such as CUDA with no host copy
 * of the batch. {@link #forActiveBackend} chooses by the active backend.
 */
public interface MaskedBatchBuilder {

    /**
     * Builds samples {@code [from, from + count)}.
     *
     * @return a float batch of shape {@code layout.shape(count, channels, height, width)}, owned by the
     *         caller (close it when done)
     */
    INDArray build(SampleMatrix samples, int from, int count);

    /**
     * Builds samples {@code [from, from + target.size(0))} into an existing batch, overwriting every
     * value. Reusing one batch for all chunks of an explanation avoids allocating and freeing a
     * large off-heap block per chunk (glibc keeps freed blocks of 1-32 MB in the process, so
     * per-chunk allocation grows the resident memory with N).
     *
     * @param target a float, c-order batch of this builder's shape, not a view
     */
    void buildInto(SampleMatrix samples, int from, INDArray target);

    /**
     * Chooses the builder for the active ND4J backend: direct buffer writes on CPU, ND4J ops
     * otherwise.
     *
     * @param image        the image being explained, at the model's size and channel count
     * @param fill         what hidden pixels show, same size and channels
     * @param segmentation the superpixels of {@code image}
     * @param layout       the batch layout the model takes
     */
    static MaskedBatchBuilder forActiveBackend(RasterImage image, RasterImage fill, Segmentation segmentation,
                                               ImageLayout layout) {
        return Nd4j.getEnvironment().isCPU() ? direct(image, fill, segmentation, layout)
                : ndOps(image, fill, segmentation, layout);
    }

    /** @return the CPU builder (direct off-heap writes; needs host-addressable memory), for benchmarks and tests */
    static MaskedBatchBuilder direct(RasterImage image, RasterImage fill, Segmentation segmentation, ImageLayout layout) {
        return new DirectBufferBatchBuilder(MaskingPlan.of(image, fill, segmentation, layout));
    }

    /**
     * @return the CPU builder over the image and fill preprocessed once by the classifier; its
     *         batches are for {@link PreprocessedInput#predictPreprocessed}
     */
    static MaskedBatchBuilder directPreprocessed(RasterImage image, RasterImage fill, Segmentation segmentation,
                                                 ImageLayout layout, PreprocessedInput preprocessing) {
        return new DirectBufferBatchBuilder(MaskingPlan.of(image, fill, segmentation, layout).preprocessedBy(preprocessing));
    }

    /** @return the ND4J-op builder, on any backend, for benchmarks and tests */
    static MaskedBatchBuilder ndOps(RasterImage image, RasterImage fill, Segmentation segmentation, ImageLayout layout) {
        return new NdOpsBatchBuilder(MaskingPlan.of(image, fill, segmentation, layout));
    }
}
