package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ProbabilitiesTest {

    @Test
    void acceptsRowsThatSumToOne() {
        INDArray p = Nd4j.createFromArray(new float[][] {{0.25f, 0.75f}, {1f, 0f}});
        assertSame(p, Probabilities.requireValid(p, 2, 2, "model"));
    }

    @Test
    void rejectsNaNNegativeValuesRowsNotSummingToOneAndWrongShapes() {
        assertMessage(Nd4j.createFromArray(new double[][] {{Double.NaN, 1}}), 1, 2, "NaN");
        assertMessage(Nd4j.createFromArray(new double[][] {{-0.5, 1.5}}), 1, 2, "negative");
        assertMessage(Nd4j.createFromArray(new double[][] {{2.0, 3.0}}), 1, 2, "summing to 5.0");
        assertMessage(Nd4j.createFromArray(new double[][] {{0.5, 0.5}}), 2, 2, "shape");
    }

    private static void assertMessage(INDArray output, int rows, int classes, String fragment) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Probabilities.requireValid(output, rows, classes, "model"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
