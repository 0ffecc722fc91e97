package dev.limelight.models.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cross-fitted temperature scaling on made-up models whose miscalibration is known: labels drawn
 * from softmax(z / T0) while the model says softmax(z), so the right temperature is T0.
 */
class CrossFittedTemperatureTest {

    private static final int CLASSES = 4;

    /** The model's probabilities softmax(z) for random logits z; row i's label is drawn from softmax(z / trueT). */
    private static INDArray model(int n, double trueT, int[] labels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] z = new double[CLASSES];
            for (int k = 0; k < CLASSES; k++) {
                z[k] = 4 * random.nextDouble();
            }
            p[i] = softmax(z, 1);
            double[] truth = softmax(z, trueT);
            double u = random.nextDouble();
            int label = 0;
            for (double cumulative = truth[0]; u > cumulative && label < CLASSES - 1; cumulative += truth[++label]) {
                // walk the cumulative distribution
            }
            labels[i] = label;
        }
        return Nd4j.createFromArray(p);
    }

    private static double[] softmax(double[] z, double t) {
        double max = Arrays.stream(z).max().orElseThrow();
        double[] e = Arrays.stream(z).map(v -> Math.exp((v - max) / t)).toArray();
        double sum = Arrays.stream(e).sum();
        return Arrays.stream(e).map(v -> v / sum).toArray();
    }

    @Test
    void anOverConfidentModelGetsItsTemperatureInEveryFoldAndALowerOutOfFoldError() {
        int[] labels = new int[4000];
        INDArray p = model(labels.length, 2.0, labels, 1);

        CrossFittedTemperature c = CrossFittedTemperature.fit(p, labels, 5, 0);

        assertEquals(5, c.folds());
        assertEquals(4000, c.images());
        assertEquals(2.0, c.temperature(), 0.3, c.toString());
        Arrays.stream(c.foldTemperatures()).forEach(t -> assertEquals(2.0, t, 0.4, Arrays.toString(c.foldTemperatures())));
        assertTrue(c.eceAfter() < c.eceBefore() / 2, c.eceBefore() + " -> " + c.eceAfter());
        assertTrue(c.eceAfterInterval()[1] < c.eceBeforeInterval()[0], "the intervals part: "
                + Arrays.toString(c.eceBeforeInterval()) + " and " + Arrays.toString(c.eceAfterInterval()));
    }

    @Test
    void aCalibratedModelKeepsATemperatureNearOne() {
        int[] labels = new int[4000];
        INDArray p = model(labels.length, 1.0, labels, 2);

        CrossFittedTemperature c = CrossFittedTemperature.fit(p, labels, 5, 0);

        assertEquals(1.0, c.temperature(), 0.15, c.toString());
        assertTrue(c.eceBefore() < 0.05, "already calibrated: " + c.eceBefore());
    }

    @Test
    void tooFewImagesForTheFoldsAreRefused() {
        int[] labels = new int[9];
        INDArray p = model(labels.length, 1.0, labels, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossFittedTemperature.fit(p, labels, 5, 0));
        assertTrue(e.getMessage().contains("at least 10 labelled images"), e.getMessage());
    }
}
