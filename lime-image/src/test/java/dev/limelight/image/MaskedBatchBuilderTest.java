package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.limelight.core.ImageLayout;
import dev.limelight.core.PreprocessedInput;
import dev.limelight.core.sampling.SampleMatrix;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MaskedBatchBuilderTest {

    private static RasterImage randomImage(int w, int h, int c, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[w * h * c];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) (random.nextDouble() * 255);
        }
        return new RasterImage(w, h, c, pixels);
    }

    @ParameterizedTest
    @EnumSource(ImageLayout.class)
    void bothBuildersGiveIdenticalBatches(ImageLayout layout) {
        for (int channels : new int[] {1, 3}) {
            RasterImage image = randomImage(37, 23, channels, 1);
            Segmentation segmentation = SegmenterKind.GRID.create(12).segment(image);
            RasterImage fill = HideMode.segmentMean().fill(image, segmentation);
            MaskingPlan plan = MaskingPlan.of(image, fill, segmentation, layout);
            SampleMatrix z = SampleMatrix.draw(20, segmentation.segmentCount(), 7);

            INDArray direct = new DirectBufferBatchBuilder(plan).build(z, 3, 9);
            INDArray ops = new NdOpsBatchBuilder(plan).build(z, 3, 9);

            assertArrayEquals(layout.shape(9, channels, 23, 37), direct.shape());
            assertArrayEquals(direct.shape(), ops.shape());
            assertArrayEquals(direct.data().asFloat(), ops.data().asFloat(), 0f, layout + " with " + channels + " channels");
        }
    }

    @ParameterizedTest
    @EnumSource(ImageLayout.class)
    void keptSegmentsShowTheImageAndHiddenOnesTheFill(ImageLayout layout) {
        RasterImage image = randomImage(8, 6, 3, 2);
        Segmentation segmentation = SegmenterKind.GRID.create(4).segment(image);
        RasterImage fill = HideMode.constant(0, 128, 255).fill(image, segmentation);
        SampleMatrix z = SampleMatrix.of(new int[][] {{1, 1, 1, 1}, {0, 1, 0, 0}});

        INDArray batch = MaskedBatchBuilder.forActiveBackend(image, fill, segmentation, layout).build(z, 0, 2);

        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                for (int c = 0; c < 3; c++) {
                    float original = batch.getFloat(index(layout, 0, c, y, x));
                    float perturbed = batch.getFloat(index(layout, 1, c, y, x));
                    assertEquals(image.get(x, y, c), original, 1e-4f);
                    float expected = segmentation.label(x, y) == 1 ? image.get(x, y, c) : fill.get(x, y, c);
                    assertEquals(expected, perturbed, 1e-4f, "pixel " + x + "," + y + " channel " + c);
                }
            }
        }
    }

    /** A per-pixel preprocessing in the manner of Keras' caffe mode: channels reversed, each shifted and scaled. */
    private static final class ReverseShiftScale implements PreprocessedInput {
        private final ImageLayout layout;

        ReverseShiftScale(ImageLayout layout) {
            this.layout = layout;
        }

        @Override
        public void preprocessInPlace(INDArray images) {
            INDArray copy = images.dup();
            for (int c = 0; c < 3; c++) {
                channel(images, c).assign(channel(copy, 2 - c));
            }
            images.subi(103.939).divi(57.1);
        }

        private INDArray channel(INDArray images, int c) {
            return layout == ImageLayout.NCHW
                    ? images.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all())
                    : images.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c));
        }

        @Override
        public INDArray predictPreprocessed(INDArray preprocessed) {
            throw new UnsupportedOperationException("builders only");
        }
    }

    @ParameterizedTest
    @EnumSource(ImageLayout.class)
    void aPreprocessedPlanBuildsThePreprocessedBatchToTheBit(ImageLayout layout) {
        RasterImage image = randomImage(29, 17, 3, 3);
        Segmentation segmentation = SegmenterKind.GRID.create(9).segment(image);
        RasterImage fill = HideMode.segmentMean().fill(image, segmentation);
        SampleMatrix z = SampleMatrix.draw(12, segmentation.segmentCount(), 4);
        PreprocessedInput preprocessing = new ReverseShiftScale(layout);

        INDArray expected = MaskedBatchBuilder.direct(image, fill, segmentation, layout).build(z, 0, 12);
        preprocessing.preprocessInPlace(expected);
        INDArray built = MaskedBatchBuilder.directPreprocessed(image, fill, segmentation, layout, preprocessing)
                .build(z, 0, 12);

        assertArrayEquals(expected.data().asFloat(), built.data().asFloat(), 0f);
    }

    private static long[] index(ImageLayout layout, int n, int c, int y, int x) {
        return layout == ImageLayout.NCHW ? new long[] {n, c, y, x} : new long[] {n, y, x, c};
    }
}
