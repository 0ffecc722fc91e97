package dev.limelight.models.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class TemperatureScalingTest {

    private final TemperatureScaling scaling = new TemperatureScaling();

    @Test
    void overConfidentScoresGetTheirKnownTemperatureAboveOne() {
        SyntheticScores data = SyntheticScores.generate(20_000, 5, 1.5, 2.5, 1);

        TemperatureFit fit = scaling.fitToLogits(data.logits(), data.labels());

        assertEquals(2.5, fit.temperature(), 0.1, fit.toString());
        assertTrue(fit.nllAfter() < fit.nllBefore(), fit.toString());
        assertFalse(fit.atBound());
    }

    @Test
    void underConfidentScoresGetATemperatureBelowOne() {
        SyntheticScores data = SyntheticScores.generate(20_000, 5, 1.5, 0.5, 2);

        TemperatureFit fit = scaling.fitToLogits(data.logits(), data.labels());

        assertEquals(0.5, fit.temperature(), 0.03, fit.toString());
    }

    @Test
    void calibratedScoresKeepATemperatureNearOne() {
        SyntheticScores data = SyntheticScores.generate(20_000, 5, 1.5, 1.0, 3);

        assertEquals(1.0, scaling.fitToLogits(data.logits(), data.labels()).temperature(), 0.05);
    }

    @Test
    void probabilitiesGiveTheSameTemperatureAsTheirLogits() {
        SyntheticScores data = SyntheticScores.generate(5_000, 4, 1.0, 3.0, 4);

        double fromLogits = scaling.fitToLogits(data.logits(), data.labels()).temperature();
        double fromProbabilities = scaling.fitToProbabilities(data.probabilities().castTo(DataType.FLOAT),
                data.labels()).temperature();

        assertEquals(fromLogits, fromProbabilities, 1e-3 * fromLogits);
    }

    @Test
    void goldenSectionFindsTheMinimumOfAFineGrid() {
        SyntheticScores data = SyntheticScores.generate(2_000, 3, 2.0, 1.7, 5);
        double[][] scores = LogScores.fromLogits(data.logits(), data.labels());
        double coarse = gridMinimum(scores, data.labels(), 1.0, 3.0, 1e-3);
        double bestT = gridMinimum(scores, data.labels(), coarse - 2e-3, coarse + 2e-3, 1e-6);

        TemperatureFit fit = scaling.fitToLogits(data.logits(), data.labels());

        assertEquals(bestT, fit.temperature(), 1e-5);
        assertTrue(fit.nllAfter() <= TemperatureScaling.negativeLogLikelihood(scores, data.labels(), bestT) + 1e-12);
    }

    private static double gridMinimum(double[][] scores, int[] labels, double from, double to, double step) {
        double bestT = from;
        double bestNll = Double.POSITIVE_INFINITY;
        for (double t = from; t <= to; t += step) {
            double nll = TemperatureScaling.negativeLogLikelihood(scores, labels, t);
            if (nll < bestNll) {
                bestNll = nll;
                bestT = t;
            }
        }
        return bestT;
    }

    @Test
    void negativeLogLikelihoodOfAHandComputedCase() {
        // one row, logits (0, ln 3): softmax = (1/4, 3/4); label 1 -> -ln(3/4)
        double[][] scores = {{0, Math.log(3)}};
        assertEquals(-Math.log(0.75), TemperatureScaling.negativeLogLikelihood(scores, new int[] {1}, 1.0), 1e-12);
        // at T = 2: softmax(0, ln 3 / 2) = (1, sqrt 3) / (1 + sqrt 3)
        double expected = -Math.log(Math.sqrt(3) / (1 + Math.sqrt(3)));
        assertEquals(expected, TemperatureScaling.negativeLogLikelihood(scores, new int[] {1}, 2.0), 1e-12);
    }

    @Test
    void rejectsLabelsOutOfRangeAndMismatchedCounts() {
        var logits = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        assertThrows(IllegalArgumentException.class, () -> scaling.fitToLogits(logits, new int[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> scaling.fitToLogits(logits, new int[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> scaling.fitToProbabilities(Nd4j.createFromArray(new double[][] {{-0.1, 1.1}}), new int[] {0}));
    }
}
