package dev.limelight.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.FeatureSelection;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.LocalExplanation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustMeasuresTest {

    private static LocalExplanation explanation(int label, double... weightsByFeature) {
        List<FeatureWeight> weights = new java.util.ArrayList<>();
        for (int f = 0; f < weightsByFeature.length; f++) {
            weights.add(new FeatureWeight(f, weightsByFeature[f]));
        }
        weights.sort((a, b) -> Double.compare(Math.abs(b.weight()), Math.abs(a.weight())));
        return new LocalExplanation(label, FeatureSelection.NONE, 0, weights, 1, 0);
    }

    /** A model whose class-1 probability is 0.1 + 0.8 * [feature 3 present]. */
    private static final MaskScorer READS_FEATURE_3 = masks -> {
        double[][] out = new double[masks.length][];
        for (int i = 0; i < masks.length; i++) {
            double p = masks[i][3] ? 0.9 : 0.1;
            out[i] = new double[] {1 - p, p};
        }
        return out;
    };

    /** A model that ignores its input. */
    private static final MaskScorer IGNORES_INPUT = masks -> {
        double[][] out = new double[masks.length][];
        for (int i = 0; i < masks.length; i++) {
            out[i] = new double[] {0.3, 0.7};
        }
        return out;
    };

    @Test
    void identicalRunsAreFullyStableAndDisjointTopSetsAreNot() {
        LocalExplanation a = explanation(1, 0.9, 0.5, 0.1, 0.0);
        assertEquals(1.0, Stability.of(List.of(a, a, a), 2).topKJaccard(), 1e-12);
        assertEquals(0.0, Stability.meanPairwiseJaccard(List.of(Set.of(1, 2), Set.of(3, 4))), 1e-12);
        assertEquals(1.0 / 3, Stability.meanPairwiseJaccard(List.of(Set.of(1, 2), Set.of(2, 3))), 1e-12);
    }

    @Test
    void stabilityReportsEachFeaturesMeanAndSpread() {
        Stability s = Stability.of(List.of(explanation(1, 0.2, 0.0), explanation(1, 0.4, 0.0)), 1);
        Stability.FeatureSpread first = s.features().get(0);
        assertEquals(0, first.feature());
        assertEquals(0.3, first.mean(), 1e-12);
        assertEquals(0.1, first.std(), 1e-12);
        assertEquals(1.0, first.topKShare(), 1e-12);
    }

    @Test
    void aPlantedCueGivesADeletionCurveFarBelowRandom() {
        LocalExplanation e = explanation(1, 0.0, 0.01, 0.02, 0.8, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        FidelityCurves curves = FidelityCurves.measure(e, 10, READS_FEATURE_3, 8, 1);

        assertEquals(0.9, curves.deletion()[0], 1e-12);
        assertEquals(0.1, curves.deletion()[1], 1e-12, "removing the top feature drops the probability at once");
        assertTrue(curves.deletionArea() < curves.randomDeletionArea() - 0.2, curves.toString());
        assertTrue(curves.insertionArea() > curves.randomInsertionArea() + 0.2, curves.toString());
        assertFalse(curves.suspicious());
    }

    @Test
    void curvesWithFewerPointsSampleEvenlySpacedShares() {
        LocalExplanation e = explanation(1, 0.0, 0.01, 0.02, 0.8, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        FidelityCurves curves = FidelityCurves.measure(e, 10, READS_FEATURE_3, 3, 2, 1);

        assertEquals(3, curves.deletion().length);
        assertEquals(0.5, curves.fractions()[1], 1e-12);
        assertEquals(0.1, curves.deletion()[1], 1e-12, "half the features removed, the top one among them");
        assertEquals(0.5 * (0.9 + 0.1) / 2 + 0.5 * 0.1, curves.deletionArea(), 1e-12);
    }

    @Test
    void aModelThatIgnoresItsInputGivesFlatCurvesAndIsFlagged() {
        LocalExplanation e = explanation(1, 0.5, 0.3, 0.1, 0.05);
        FidelityCurves curves = FidelityCurves.measure(e, 4, IGNORES_INPUT, 5, 2);

        for (double p : curves.deletion()) {
            assertEquals(0.7, p, 1e-12);
        }
        assertEquals(curves.randomDeletionArea(), curves.deletionArea(), 1e-12);
        assertTrue(curves.suspicious(), curves.toString());
    }

    @Test
    void theCounterfactualIsTheShortestPrefixThatFlipsTheLabel() {
        // class 0 probability 0.2 + 0.4 [f1] + 0.4 [f2]: only removing both flips it
        MaskScorer model = masks -> {
            double[][] out = new double[masks.length][];
            for (int i = 0; i < masks.length; i++) {
                double p0 = 0.2 + (masks[i][1] ? 0.4 : 0) + (masks[i][2] ? 0.4 : 0);
                out[i] = new double[] {p0, 1 - p0};
            }
            return out;
        };
        Optional<Counterfactuals.Counterfactual> c = Counterfactuals.search(explanation(0, 0.01, 0.4, 0.39, -0.2), 4,
                model);

        assertTrue(c.isPresent());
        assertEquals(List.of(1, 2), c.get().removed());
        assertEquals(1, c.get().newLabel());
        assertEquals(0.8, c.get().newProbability(), 1e-12);
    }

    @Test
    void noCounterfactualWhenNothingFlipsTheLabel() {
        assertTrue(Counterfactuals.search(explanation(1, 0.5, 0.3), 2, IGNORES_INPUT).isEmpty());
    }
}
