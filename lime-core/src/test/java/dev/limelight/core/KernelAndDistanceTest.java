package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class KernelAndDistanceTest {

    @Test
    void exponentialKernelIsOneAtTheOriginalAndExpMinusHalfAtOneWidth() {
        Kernel kernel = Kernel.exponential(0.25);
        assertEquals(1.0, kernel.weight(0), 0);
        assertEquals(Math.exp(-0.5), kernel.weight(0.25), 1e-15);
        assertEquals(Math.sqrt(Math.exp(-4)), kernel.weight(0.5), 1e-15);
    }

    @Test
    void cosineDistanceIsZeroForTheOriginalOneForOrthogonalAndZeroRows() {
        double[] d = CosineDistance.toOriginal(Nd4j.createFromArray(new double[][] {
                {1, 1, 0}, {1, 1, 0}, {0, 0, 1}, {0, 0, 0}, {1, 0, 0}}), CosineDistance.IMAGE_SCALE);
        assertArrayEquals(new double[] {0, 0, 1, 1, 1 - 1 / Math.sqrt(2)}, d, 1e-12);
    }

    @Test
    void textDistancesAreScaledByOneHundred() {
        double[] d = CosineDistance.toOriginal(Nd4j.createFromArray(new double[][] {{1, 1, 1, 1}, {1, 0, 0, 0}}),
                CosineDistance.TEXT_SCALE);
        assertEquals(100 * (1 - 1 / 2.0), d[1], 1e-10);
    }
}
