package dev.limelight.models.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ReliabilityBinsTest {

    @Test
    void eceIsTheCountWeightedGapBetweenAccuracyAndConfidence() {
        // confidence 0.95 twice (one right, one wrong): bin 14, accuracy 0.5, gap 0.45
        // confidence 0.55 twice (both right): bin 8, accuracy 1, gap 0.45
        var probabilities = Nd4j.createFromArray(new double[][] {
            {0.95, 0.05}, {0.95, 0.05}, {0.45, 0.55}, {0.55, 0.45}});
        int[] labels = {0, 1, 1, 0};

        ReliabilityBins bins = ReliabilityBins.of(probabilities, labels);

        assertEquals(15, bins.binCount());
        assertEquals(2, bins.count(14));
        assertEquals(2, bins.count(8));
        assertEquals(0.5, bins.accuracy(14), 1e-12);
        assertEquals(0.55, bins.meanConfidence(8), 1e-12);
        assertEquals(0.75, bins.accuracy(), 1e-12);
        assertEquals(0.45, bins.expectedCalibrationError(), 1e-12);
        assertEquals(0.45, bins.maximumCalibrationError(), 1e-12);
    }

    @Test
    void binsIncludeTheirUpperEdge() {
        assertEquals(0, ReliabilityBins.binOf(0.0, 15));
        assertEquals(0, ReliabilityBins.binOf(1 / 15.0, 15));
        assertEquals(1, ReliabilityBins.binOf(Math.nextUp(1 / 15.0), 15));
        assertEquals(14, ReliabilityBins.binOf(1.0, 15));
    }

    @Test
    void perfectlyCalibratedPredictionsHaveAnEceNearZero() {
        SyntheticScores data = SyntheticScores.generate(50_000, 5, 1.5, 1.0, 6);

        double ece = ReliabilityBins.of(data.probabilities(), data.labels()).expectedCalibrationError();

        assertTrue(ece < 0.01, "ECE " + ece);
    }

    @Test
    void temperatureScalingRemovesTheCalibrationErrorOfOverConfidentPredictions() {
        SyntheticScores validation = SyntheticScores.generate(10_000, 5, 1.5, 2.5, 7);
        SyntheticScores test = SyntheticScores.generate(10_000, 5, 1.5, 2.5, 8);
        double t = new TemperatureScaling().fitToLogits(validation.logits(), validation.labels()).temperature();

        double before = ReliabilityBins.of(test.probabilities(), test.labels()).expectedCalibrationError();
        double after = ReliabilityBins.of(new SyntheticScores(test.logits().div(t), test.labels()).probabilities(),
                test.labels()).expectedCalibrationError();

        assertTrue(before > 0.1, "ECE before " + before);
        assertTrue(after < 0.02, "ECE after " + after);
    }
}
