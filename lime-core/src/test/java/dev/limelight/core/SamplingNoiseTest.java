package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The sampling noise of a surrogate, predicted from one neighbourhood, against many real re-draws. */
class SamplingNoiseTest {

    private static final int D = 10;
    private static final Kernel KERNEL = Kernel.exponential(0.25);
    private static final double[] EFFECTS = {0.30, 0.25, 0.20, 0.15, 0.12, 0.02, 0.015, 0.01, 0.005, 0.0};

    /** A model that is linear in the shown features plus a deterministic, input-dependent wobble. */
    private static double model(double[] z) {
        double y = 0.1;
        long hash = 1469598103934665603L;
        for (int j = 0; j < z.length; j++) {
            y += EFFECTS[j] * z[j];
            hash = (hash ^ (long) z[j]) * 1099511628211L;
            hash ^= j * 31L;
        }
        double wobble = ((hash >>> 11) * 0x1.0p-53) - 0.5;
        return y + 0.3 * wobble * (1 + z[0]);
    }

    private static Neighbourhood draw(int n, long seed, ToDoubleFunction<double[]> f) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] z = new double[n][D];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < D; j++) {
                z[i][j] = i == 0 || random.nextBoolean() ? 1 : 0;
            }
            y[i][0] = f.applyAsDouble(z[i]);
        }
        double[] distances = CosineDistance.toOriginal(org.nd4j.linalg.factory.Nd4j.createFromArray(z),
                CosineDistance.IMAGE_SCALE);
        return Neighbourhood.of(z, y, distances);
    }

    private static int[] all() {
        int[] all = new int[D];
        for (int j = 0; j < D; j++) {
            all[j] = j;
        }
        return all;
    }

    @Test
    void coefficientsAreTheExplanationsWeights() {
        Neighbourhood neighbourhood = draw(300, 1, SamplingNoiseTest::model);
        SamplingNoise noise = SamplingNoise.of(neighbourhood, KERNEL, 0, all(), 1.0, false);
        LocalExplanation fit = new KLasso(KLassoOptions.builder().kernelWidth(0.25)
                .featureSelection(FeatureSelection.NONE).build()).explain(neighbourhood, 0);
        double[] coef = noise.coefficients();
        for (FeatureWeight w : fit.weights()) {
            assertEquals(w.weight(), coef[w.feature()], 1e-9, "feature " + w.feature());
        }
    }

    @Test
    void standardErrorsPredictTheSpreadOverFreshDraws() {
        int n = 300;
        int runs = 400;
        double[] sum = new double[D];
        double[] sumSquares = new double[D];
        double[] predicted = new double[D];
        for (int r = 0; r < runs; r++) {
            SamplingNoise noise = SamplingNoise.of(draw(n, 100 + r, SamplingNoiseTest::model), KERNEL, 0, all(), 1.0,
                    false);
            double[] coef = noise.coefficients();
            double[] se = noise.standardErrors();
            for (int j = 0; j < D; j++) {
                sum[j] += coef[j];
                sumSquares[j] += coef[j] * coef[j];
                predicted[j] += se[j] / runs;
            }
        }
        for (int j = 0; j < D; j++) {
            double mean = sum[j] / runs;
            double empirical = Math.sqrt(sumSquares[j] / runs - mean * mean);
            assertEquals(empirical, predicted[j], 0.15 * empirical,
                    "feature " + j + ": predicted " + predicted[j] + ", seen " + empirical);
        }
    }

    @Test
    void predictedAgreementTracksTheAgreementOfFreshDraws() {
        // top 5 stands far above the rest: fresh draws agree; the same effects at a tenth: they do not
        SamplingNoise clear = SamplingNoise.of(draw(400, 7, SamplingNoiseTest::model), KERNEL, 0, all(), 1.0, false);
        SamplingNoise blurred = SamplingNoise.of(draw(400, 7, z -> 0.1 * model(z) + 0.9 * wobbleOnly(z)), KERNEL, 0,
                all(), 1.0, false);
        double clearAgreement = clear.predictedTopKAgreement(5, 100, 1);
        double blurredAgreement = blurred.predictedTopKAgreement(5, 100, 1);
        assertTrue(clearAgreement > 0.9, "clear: " + clearAgreement);
        assertTrue(blurredAgreement < 0.6, "blurred: " + blurredAgreement);
        assertEquals(clearAgreement, clear.predictedTopKAgreement(5, 100, 1), "repeatable for a seed");
    }

    private static double wobbleOnly(double[] z) {
        double y = model(z);
        for (int j = 0; j < D; j++) {
            y -= EFFECTS[j] * z[j];
        }
        return y;
    }

    @Test
    void twoFeaturesTiedForTheLastPlaceAreTheContestedOnes() {
        // features 0..3 clearly on top, 4 and 5 equal (0.06), the rest small, plus noise that no
        // feature explains: the top 5 swaps 4 and 5
        double[] effects = {0.30, 0.25, 0.20, 0.15, 0.06, 0.06, 0.01, 0.005, 0.0, 0.0};
        SplittableRandom noiseSource = new SplittableRandom(17);
        SamplingNoise noise = SamplingNoise.of(draw(400, 9, z -> {
            double y = 0;
            for (int j = 0; j < D; j++) {
                y += effects[j] * z[j];
            }
            return y + 0.1 * noiseSource.nextGaussian();
        }), KERNEL, 0, all(), 1.0, false);
        TopKForecast forecast = noise.forecastTopK(5, 200, 3);

        assertEquals(java.util.Set.of(4, 5), java.util.Set.copyOf(forecast.contested()), forecast.toString());
        for (int j = 0; j < 4; j++) {
            assertTrue(forecast.topKShares().get(j) >= 1 - TopKForecast.SETTLED, "feature " + j + " always on top");
        }
        assertEquals(1.0, forecast.topKShares().get(4) + forecast.topKShares().get(5), 0.1, "one of the two each time");
        assertTrue(forecast.agreement() < 0.9 && forecast.agreement() > 0.7, "one coin toss in five: " + forecast);
    }

    @Test
    void tooFewSamplesForTheFeaturesAreNotEstimable() {
        SamplingNoise noise = SamplingNoise.of(draw(8, 3, SamplingNoiseTest::model), KERNEL, 0, all(), 1e-6, false);
        assertFalse(noise.isEstimable());
        assertEquals(0, noise.predictedTopKAgreement(5, 10, 1));
    }

    @Test
    void foldOverPairsAreOneUnitEach() {
        Neighbourhood neighbourhood = draw(201, 5, SamplingNoiseTest::model);
        SamplingNoise rows = SamplingNoise.of(neighbourhood, KERNEL, 0, all(), 1.0, false);
        SamplingNoise pairs = SamplingNoise.of(neighbourhood, KERNEL, 0, all(), 1.0, true);
        assertTrue(rows.toString().contains("units=201"), rows.toString());
        assertTrue(pairs.toString().contains("units=101"), pairs.toString());
    }

    @Test
    void badArgumentsAreRefused() {
        Neighbourhood neighbourhood = draw(50, 5, SamplingNoiseTest::model);
        assertThrows(IllegalArgumentException.class, () -> SamplingNoise.of(neighbourhood, KERNEL, 1, all(), 1, false));
        assertThrows(IllegalArgumentException.class, () -> SamplingNoise.of(neighbourhood, KERNEL, 0, new int[0], 1, false));
        assertThrows(IllegalArgumentException.class, () -> SamplingNoise.of(neighbourhood, KERNEL, 0, new int[] {1, 1}, 1,
                false));
        assertThrows(IllegalArgumentException.class, () -> SamplingNoise.of(neighbourhood, KERNEL, 0, new int[] {D}, 1,
                false));
        assertThrows(IllegalArgumentException.class, () -> SamplingNoise.of(neighbourhood, KERNEL, 0, all(), -1, false));
        SamplingNoise noise = SamplingNoise.of(neighbourhood, KERNEL, 0, all(), 1, false);
        assertThrows(IllegalArgumentException.class, () -> noise.predictedTopKAgreement(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> noise.predictedTopKAgreement(5, 1, 1));
    }
}
