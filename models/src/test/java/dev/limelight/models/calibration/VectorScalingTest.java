package dev.limelight.models.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Known answers: labels drawn from {@code softmax(w * log p + b)} give back w and b (b up to a common
 * constant); labels drawn from a temperature give back 1 / T for every class.
 */
class VectorScalingTest {

    @Test
    void recoversTheScalesAndBiasesTheLabelsWereDrawnWith() {
        double[] w = {2.0, 0.5, 1.0};
        double[] b = {0.3, -0.2, 0.0};
        Sample s = sample(20_000, w, b, 1);
        VectorScaling fit = VectorScaling.fit(s.probabilities, s.labels);
        for (int a = 0; a < 3; a++) {
            assertEquals(w[a], fit.scales()[a], 0.1, "scale of class " + a + ": " + fit);
            assertEquals(b[a] - b[2], fit.biases()[a] - fit.biases()[2], 0.1, "bias of class " + a + ": " + fit);
        }
        assertTrue(fit.nll() < VectorScaling.fit(s.probabilities, s.labels).nll() + 1e-12);
    }

    @Test
    void aTemperatureIsTheSpecialCaseOfEqualScales() {
        double[] w = {1 / 2.5, 1 / 2.5, 1 / 2.5};
        Sample s = sample(20_000, w, new double[3], 2);
        VectorScaling fit = VectorScaling.fit(s.probabilities, s.labels);
        for (int a = 0; a < 3; a++) {
            assertEquals(0.4, fit.scales()[a], 0.05, fit.toString());
        }
        double t = new TemperatureScaling().fitToProbabilities(s.probabilities, s.labels).temperature();
        assertEquals(2.5, t, 0.15);
        INDArray calibrated = fit.apply(s.probabilities);
        INDArray scaled = CalibratedClassifier.scale(s.probabilities, t);
        assertEquals(0, calibrated.sub(scaled).amaxNumber().doubleValue(), 0.03, "the same map, nearly");
    }

    private record Sample(INDArray probabilities, int[] labels) {
    }

    /** Model outputs p = softmax(z), z ~ N(0, 2^2); labels from softmax(w * log p + b). */
    private static Sample sample(int n, double[] w, double[] b, long seed) {
        Random random = new Random(seed);
        int k = w.length;
        double[][] p = new double[n][k];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[k];
            double total = 0;
            for (int a = 0; a < k; a++) {
                z[a] = 2 * random.nextGaussian();
                total += Math.exp(z[a]);
            }
            double[] truth = new double[k];
            double truthTotal = 0;
            for (int a = 0; a < k; a++) {
                p[i][a] = Math.exp(z[a]) / total;
                truth[a] = Math.exp(w[a] * Math.log(p[i][a]) + b[a]);
                truthTotal += truth[a];
            }
            double u = random.nextDouble() * truthTotal;
            int label = 0;
            while (label < k - 1 && (u -= truth[label]) > 0) {
                label++;
            }
            labels[i] = label;
        }
        return new Sample(Nd4j.createFromArray(p), labels);
    }
}
