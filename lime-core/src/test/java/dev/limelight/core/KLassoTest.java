package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.factory.Nd4j;

/** Behaviour of the K-Lasso surrogate that does not need the reference's outputs to check. */
class KLassoTest {

    /** Image-like samples: Bernoulli(1/2) cells, row 0 all ones, plain cosine distances. */
    static double[][] binarySamples(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = i == 0 || random.nextBoolean() ? 1 : 0;
            }
        }
        return z;
    }

    static Neighbourhood neighbourhood(double[][] z, double[] p) {
        double[][] predictions = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            predictions[i] = new double[] {1 - p[i], p[i]};
        }
        double[] distances = CosineDistance.toOriginal(Nd4j.createFromArray(z), CosineDistance.IMAGE_SCALE);
        return Neighbourhood.of(z, predictions, distances);
    }

    @ParameterizedTest
    @EnumSource(FeatureSelection.class)
    void aModelReadingOneFeatureHasThatFeatureOnTop(FeatureSelection mode) {
        double[][] z = binarySamples(500, 15, 7);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = 0.1 + 0.8 * z[i][11];
        }
        LocalExplanation e = new KLasso(KLassoOptions.builder().featureSelection(mode).numFeatures(3).build())
                .explain(neighbourhood(z, p), 1);

        assertEquals(11, e.weights().get(0).feature());
        assertTrue(e.weights().get(0).weight() > 0.7, "weight of the planted feature: " + e.weights().get(0));
        assertTrue(e.score() > 0.99, "a linear model is fitted almost exactly: R^2 = " + e.score());
        assertEquals(0.9, e.localPrediction(), 0.02);
    }

    @Test
    void theSecondLabelOfATwoClassModelHasTheOppositeWeights() {
        double[][] z = binarySamples(300, 8, 3);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = 0.2 + 0.5 * z[i][2] - 0.1 * z[i][5];
        }
        KLasso klasso = new KLasso(KLassoOptions.builder().featureSelection(FeatureSelection.NONE).build());
        List<LocalExplanation> both = klasso.explain(neighbourhood(z, p), 0, 1);

        for (int f = 0; f < 8; f++) {
            assertEquals(-both.get(1).weightsByFeature().get(f), both.get(0).weightsByFeature().get(f), 1e-12);
        }
        assertEquals(both.get(1).score(), both.get(0).score(), 1e-12);
    }

    @Test
    void explainingLabelsTogetherEqualsExplainingThemOneByOne() {
        double[][] z = binarySamples(400, 12, 5);
        SplittableRandom random = new SplittableRandom(9);
        double[][] predictions = new double[z.length][3];
        for (double[] row : predictions) {
            double a = random.nextDouble();
            double b = random.nextDouble() * (1 - a);
            row[0] = a;
            row[1] = b;
            row[2] = 1 - a - b;
        }
        Neighbourhood n = Neighbourhood.of(z, predictions,
                CosineDistance.toOriginal(Nd4j.createFromArray(z), CosineDistance.IMAGE_SCALE));
        KLasso klasso = new KLasso(KLassoOptions.builder().numFeatures(4).build());

        List<LocalExplanation> together = klasso.explain(n, 2, 0);
        assertSame(klasso.explain(n, 2), together.get(0));
        assertSame(klasso.explain(n, 0), together.get(1));
    }

    /** Equal up to the last bits that BLAS may order differently for one or several labels. */
    private static void assertSame(LocalExplanation expected, LocalExplanation actual) {
        assertEquals(expected.label(), actual.label());
        assertEquals(expected.weightsByFeature().keySet(), actual.weightsByFeature().keySet());
        expected.weightsByFeature().forEach((f, w) -> assertEquals(w, actual.weightsByFeature().get(f), 1e-12));
        assertEquals(expected.intercept(), actual.intercept(), 1e-12);
        assertEquals(expected.score(), actual.score(), 1e-12);
    }

    @Test
    void forwardSelectionBreaksTiesTowardsLowerIndex() {
        double[][] z = binarySamples(200, 6, 11);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            z[i][4] = z[i][1];           // features 1 and 4 are identical
            p[i] = 0.3 + 0.4 * z[i][4];
        }
        LocalExplanation e = new KLasso(KLassoOptions.builder()
                .featureSelection(FeatureSelection.FORWARD_SELECTION).numFeatures(1).build())
                .explain(neighbourhood(z, p), 1);

        assertEquals(1, e.weights().size());
        assertEquals(1, e.weights().get(0).feature());
    }

    @Test
    void forwardSelectionPicksWhatBruteForceRefitsPick() {
        double[][] z = binarySamples(300, 10, 21);
        SplittableRandom random = new SplittableRandom(4);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = 0.05 * random.nextGaussian() + 0.3 * z[i][7] - 0.2 * z[i][2] * z[i][3] + 0.1 * z[i][0];
        }
        Neighbourhood n = neighbourhood(z, p);
        double[] weights = new double[z.length];
        double[] distances = n.distances();
        for (int i = 0; i < z.length; i++) {
            weights[i] = Kernel.exponential(0.25).weight(distances[i]);
        }
        int[] expected = BruteForce.forwardSelection(z, p, weights, 6);

        LocalExplanation e = new KLasso(KLassoOptions.builder()
                .featureSelection(FeatureSelection.FORWARD_SELECTION).numFeatures(6).build()).explain(n, 1);
        int[] selected = e.weights().stream().mapToInt(FeatureWeight::feature).sorted().toArray();
        assertArrayEquals(java.util.Arrays.stream(expected).sorted().toArray(), selected);
    }

    @Test
    void lassoPathNeverReturnsMoreThanK() {
        double[][] z = binarySamples(300, 20, 8);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < 20; j++) {
                p[i] += 0.01 * (j + 1) * z[i][j];
            }
        }
        for (int k = 1; k <= 20; k++) {
            LocalExplanation e = new KLasso(KLassoOptions.builder()
                    .featureSelection(FeatureSelection.LASSO_PATH).numFeatures(k).build())
                    .explain(neighbourhood(z, p), 1);
            assertTrue(e.weights().size() <= k, "K=" + k + " gave " + e.weights().size());
        }
    }

    @Test
    void sameInputsGiveTheSameExplanationBitForBit() {
        double[][] z = binarySamples(1000, 30, 1);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = 1 / (1 + Math.exp(-(z[i][0] - z[i][9] + 0.5 * z[i][20])));
        }
        KLasso klasso = new KLasso(KLassoOptions.builder().featureSelection(FeatureSelection.LASSO_PATH).build());
        assertEquals(klasso.explain(neighbourhood(z, p), 1), klasso.explain(neighbourhood(z, p), 1));
    }
}
