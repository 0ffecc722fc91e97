package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Each output kind checks the rows its models return, and only those. */
class OutputKindTest {

    @Test
    void aRegressionValueMayBeAnyFiniteNumber() {
        double[][] rows = OutputKind.REGRESSION.validRows(Nd4j.createFromArray(new double[][] {{-3.5}, {120.0}}), 2, 1,
                "model");
        assertArrayEquals(new double[] {-3.5}, rows[0]);
        assertThrows(InvalidModelOutputException.class, () -> OutputKind.REGRESSION.validRows(
                Nd4j.createFromArray(new double[][] {{Double.NaN}}), 1, 1, "model"));
    }

    @Test
    void multiLabelRowsNeedNotSumToOneButEachLabelIsAProbability() {
        double[][] rows = OutputKind.MULTI_LABEL.validRows(Nd4j.createFromArray(new double[][] {{0.9, 0.8, 0.7}}), 1, 3,
                "model");
        assertEquals(2.4, rows[0][0] + rows[0][1] + rows[0][2], 1e-12);
        InvalidModelOutputException e = assertThrows(InvalidModelOutputException.class, () -> OutputKind.MULTI_LABEL
                .validRows(Nd4j.createFromArray(new double[][] {{0.9, 1.2}}), 1, 2, "model"));
        assertTrue(e.getMessage().contains("label 1"), e.getMessage());
    }

    @Test
    void classificationRowsMustBeProbabilitiesSummingToOne() {
        assertThrows(InvalidModelOutputException.class, () -> OutputKind.SOFTMAX.validRows(
                Nd4j.createFromArray(new double[][] {{0.9, 0.8}}), 1, 2, "model"));
        assertThrows(InvalidModelOutputException.class, () -> OutputKind.SIGMOID.validRows(
                Nd4j.createFromArray(new double[][] {{0.9, 0.8}}), 1, 2, "model"));
    }

    @Test
    void theCommandLineNamesParseAndOnlySoftmaxAndSigmoidAreClassifications() {
        assertEquals(OutputKind.MULTI_LABEL, OutputKind.parse("multi-label"));
        assertEquals(OutputKind.MULTI_LABEL, OutputKind.parse("MULTI_LABEL"));
        assertEquals("multi-label", OutputKind.MULTI_LABEL.label());
        assertTrue(OutputKind.SIGMOID.isClassification());
        assertFalse(OutputKind.REGRESSION.isClassification());
        assertThrows(IllegalArgumentException.class, () -> OutputKind.parse("poisson"));
    }
}
