package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.CosineDistance;
import dev.limelight.core.FeatureSelection;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.KLasso;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.Neighbourhood;
import dev.limelight.core.SamplingNoise;
import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.trust.Stability;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The stopping rule of adaptive sampling predicts, from one run, the top-5 agreement that runs with
 * other seeds show, for every sampling design; and the designs rank as their construction says.
 */
class StoppingRuleCalibrationTest {

    /** The designs of uniform rows (every feature kept with probability 1/2), which estimate the same explanation. */
    private static final java.util.Set<SamplingDesign> IMAGE_DESIGNS = java.util.EnumSet.of(SamplingDesign.INDEPENDENT,
            SamplingDesign.ANTITHETIC, SamplingDesign.ORTHOGONAL);

    private static final int SEGMENTS = 40;
    private static final int SAMPLES = 300;
    private static final int SEEDS = 40;
    /**
     * How far the mean predicted agreement may be from the agreement across the 40 seeds. Measured:
     * 0.054 (independent), 0.049 (antithetic), 0.004 (orthogonal); the designs' agreements are
     * 0.64, 0.84 and 0.89, so a prediction off by more than 0.07 would put a design out of its rank.
     */
    private static final double PREDICTION_TOLERANCE = 0.07;
    private static final KLasso KLASSO = new KLasso(KLassoOptions.builder().kernelWidth(0.25)
            .featureSelection(FeatureSelection.NONE).build());

    /**
     * A saturating model of graded segment effects (the 5th and 6th close), strong two-segment
     * interactions and a high-order, input-dependent wobble: the kinds of structure a real network's
     * answers have, which a linear surrogate leaves as sampling noise.
     */
    private static double model(SampleMatrix m, int row) {
        double logit = -1.5;
        for (int j = 0; j < SEGMENTS; j++) {
            double effect = j < 4 ? 0.9 - 0.15 * j : j < 6 ? 0.34 - 0.04 * (j - 4) : 0.2 / (j - 3);
            logit += m.keeps(row, j) ? effect : 0;
        }
        for (int j = 6; j + 1 < SEGMENTS; j += 2) {
            logit += (m.keeps(row, j) == m.keeps(row, j + 1)) ? 0.25 : -0.25;
        }
        long hash = 0x9E3779B97F4A7C15L;
        for (int j = 0; j < SEGMENTS; j++) {
            hash = (hash ^ (m.keeps(row, j) ? j + 1 : 0)) * 0xBF58476D1CE4E5B9L;
        }
        logit += 0.6 * (((hash >>> 11) * 0x1.0p-53) - 0.5);
        return 1 / (1 + Math.exp(-logit));
    }

    private record Run(Set<Integer> top, double predicted) {
    }

    private static Run run(SamplingDesign design, long seed) {
        SampleMatrix samples = SampleMatrix.draw(SAMPLES, SEGMENTS, seed, design);
        double[][] predictions = new double[SAMPLES][];
        for (int i = 0; i < SAMPLES; i++) {
            double p = model(samples, i);
            predictions[i] = new double[] {1 - p, p};
        }
        INDArray z = samples.rows(0, SAMPLES, DataType.DOUBLE);
        Neighbourhood neighbourhood = Neighbourhood.of(z, Nd4j.createFromArray(predictions),
                Nd4j.createFromArray(CosineDistance.toOriginal(z, CosineDistance.IMAGE_SCALE)));
        LocalExplanation fit = KLASSO.explain(neighbourhood, 1);
        Set<Integer> top = new HashSet<>();
        for (FeatureWeight w : fit.top(5)) {
            top.add(w.feature());
        }
        int[] features = fit.weights().stream().mapToInt(FeatureWeight::feature).toArray();
        double predicted = SamplingNoise.of(neighbourhood, KLASSO.options().kernel(), 1, features,
                KLASSO.options().ridgeAlpha(), design != SamplingDesign.INDEPENDENT).predictedTopKAgreement(5, 100, seed);
        return new Run(top, predicted);
    }

    @Test
    void predictedAgreementMatchesTheAgreementAcrossSeedsForEveryDesign() {
        Map<SamplingDesign, Double> actual = new EnumMap<>(SamplingDesign.class);
        for (SamplingDesign design : IMAGE_DESIGNS) {
            List<Set<Integer>> tops = new ArrayList<>();
            double predicted = 0;
            for (int seed = 0; seed < SEEDS; seed++) {
                Run run = run(design, 100 + seed);
                tops.add(run.top());
                predicted += run.predicted() / SEEDS;
            }
            double across = Stability.meanPairwiseJaccard(tops);
            actual.put(design, across);
            assertEquals(across, predicted, PREDICTION_TOLERANCE, design + ": predicted " + predicted + ", across seeds " + across);
        }
        assertTrue(actual.get(SamplingDesign.ORTHOGONAL) > actual.get(SamplingDesign.ANTITHETIC) + 0.03,
                "balanced fold-over pairs agree more than plain fold-over pairs: " + actual);
        assertTrue(actual.get(SamplingDesign.ANTITHETIC) > actual.get(SamplingDesign.INDEPENDENT) + 0.1,
                "fold-over pairs agree more than independent rows: " + actual);
    }
}
