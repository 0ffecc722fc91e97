package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageLayout;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PreprocessingTest {

    /** Two pixels, NHWC [1, 1, 2, 3]: (R, G, B) = (10, 20, 30) and (0, 128, 255). */
    private static INDArray twoPixelsNhwc() {
        return Nd4j.createFromArray(new float[] {10, 20, 30, 0, 128, 255}).reshape(1, 1, 2, 3);
    }

    /** The same two pixels, NCHW [1, 3, 1, 2]. */
    private static INDArray twoPixelsNchw() {
        return twoPixelsNhwc().permute(0, 3, 1, 2).dup('c');
    }

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).data().asDouble();
    }

    @Test
    void unitDividesBy255() {
        INDArray batch = Preprocessing.UNIT.applyInPlace(twoPixelsNhwc(), ImageLayout.NHWC);
        assertArrayEquals(new double[] {10 / 255.0, 20 / 255.0, 30 / 255.0, 0, 128 / 255.0, 1}, values(batch), 1e-6);
    }

    @Test
    void inceptionMapsZeroToMinusOneAnd255ToOne() {
        INDArray batch = Preprocessing.INCEPTION.applyInPlace(twoPixelsNhwc(), ImageLayout.NHWC);
        assertArrayEquals(new double[] {10 / 127.5 - 1, 20 / 127.5 - 1, 30 / 127.5 - 1, -1, 128 / 127.5 - 1, 1},
                values(batch), 1e-6);
    }

    @Test
    void caffeReversesChannelsAndSubtractsTheBgrMeansInNhwc() {
        INDArray batch = Preprocessing.CAFFE.applyInPlace(twoPixelsNhwc(), ImageLayout.NHWC);
        assertArrayEquals(new double[] {30 - 103.939, 20 - 116.779, 10 - 123.68, 255 - 103.939, 128 - 116.779,
                0 - 123.68}, values(batch), 1e-4);
    }

    @Test
    void caffeReversesChannelsAndSubtractsTheBgrMeansInNchw() {
        INDArray batch = Preprocessing.CAFFE.applyInPlace(twoPixelsNchw(), ImageLayout.NCHW);
        // NCHW order: channel B (both pixels), then G, then R
        assertArrayEquals(new double[] {30 - 103.939, 255 - 103.939, 20 - 116.779, 128 - 116.779, 10 - 123.68,
                0 - 123.68}, values(batch), 1e-4);
    }

    @Test
    void caffeRejectsGrayscaleImages() {
        INDArray gray = Nd4j.zeros(DataType.FLOAT, 1, 1, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.CAFFE.applyInPlace(gray, ImageLayout.NCHW));
        assertTrue(!Preprocessing.CAFFE.accepts(1) && Preprocessing.CAFFE.accepts(3) && Preprocessing.UNIT.accepts(1));
    }

    @Test
    void noneLeavesValuesAsTheyAre() {
        INDArray batch = Preprocessing.NONE.applyInPlace(twoPixelsNhwc(), ImageLayout.NHWC);
        assertArrayEquals(new double[] {10, 20, 30, 0, 128, 255}, values(batch), 0);
    }

    @Test
    void presetsOverwriteTheBatchInsteadOfCopyingIt() {
        for (Preprocessing preset : Preprocessing.values()) {
            INDArray batch = twoPixelsNhwc();
            INDArray expected = preset.applyInPlace(twoPixelsNhwc(), ImageLayout.NHWC);

            assertSame(batch, preset.applyInPlace(batch, ImageLayout.NHWC), preset.id());
            assertEquals(expected, batch, preset.id());
        }
    }

    @Test
    void presetsAreFoundByNameIgnoringCase() {
        assertEquals(Preprocessing.CAFFE, Preprocessing.byName("Caffe"));
        assertEquals(Preprocessing.INCEPTION, Preprocessing.byName("inception"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.byName("vgg"));
        assertTrue(e.getMessage().contains("unit, inception, caffe, none"), e.getMessage());
    }

    @Test
    void rejectsBatchesThatAreNotFloatingPointImages() {
        assertThrows(IllegalArgumentException.class,
                () -> Preprocessing.UNIT.applyInPlace(Nd4j.zeros(DataType.INT, 1, 2, 2, 3), ImageLayout.NHWC));
        assertThrows(IllegalArgumentException.class,
                () -> Preprocessing.UNIT.applyInPlace(Nd4j.zeros(DataType.FLOAT, 2, 3), ImageLayout.NHWC));
    }
}
