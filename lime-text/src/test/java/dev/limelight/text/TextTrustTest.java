package dev.limelight.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.TextClassifier;
import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.sampling.SamplingReport;
import dev.limelight.core.trust.FidelityCurves;
import dev.limelight.core.trust.Stability;
import dev.limelight.core.trust.TrustOptions;
import org.junit.jupiter.api.Test;

/** Every trust measure of the shared explanation loop works on words, with known answers. */
class TextTrustTest {

    private static final String TEXT = "the service was excellent and the food arrived warm although the room felt "
            + "crowded and loud on a busy friday night";

    /** A classifier that ignores its input: the same probabilities for every text. */
    private static final TextClassifier CONSTANT = TwoClassClassifier.of(text -> 0.7);

    private static TextExplanation explain(TextClassifier model, TextExplainerOptions.Builder options) {
        return new TextExplainer(options.build()).explain(TEXT, model);
    }

    @Test
    void aClassifierKeyedOnOneWordPutsItOnTopInEverySeed() {
        TextExplanation e = explain(new KeywordClassifier("excellent", 0.9, 0.1),
                TextExplainerOptions.builder().samples(500).trust(TrustOptions.NONE.withStability(4, 1)));

        Stability stability = e.label(1).trust().stabilityIfMeasured().orElseThrow();

        assertEquals("excellent", e.label(1).words().get(0).word());
        assertEquals(4, stability.runs());
        assertEquals(1.0, stability.topKJaccard(), 1e-12, "the keyword is the top word in all 4 runs");
    }

    @Test
    void removingTheKeywordFirstDropsTheProbabilityFarFasterThanRandomOrders() {
        TextExplanation e = explain(new KeywordClassifier("excellent", 0.9, 0.1),
                TextExplainerOptions.builder().samples(500).trust(TrustOptions.NONE.withFidelityCurves(true)));

        FidelityCurves curves = e.label(1).trust().fidelityIfMeasured().orElseThrow();

        assertFalse(curves.suspicious());
        assertEquals(0.9, curves.deletion()[0], 1e-12, "nothing removed yet");
        for (int i = 1; i < curves.deletion().length; i++) {
            assertEquals(0.1, curves.deletion()[i], 1e-12, "the keyword goes first: gone at point " + i);
        }
        assertTrue(curves.deletionArea() < curves.randomDeletionArea(),
                "deletion area " + curves.deletionArea() + " against random " + curves.randomDeletionArea());
    }

    @Test
    void aClassifierThatIgnoresItsInputIsFlagged() {
        TextExplanation e = explain(CONSTANT, TextExplainerOptions.builder().samples(300).trust(TrustOptions.NONE.withFidelityCurves(true)));

        FidelityCurves curves = e.label(1).trust().fidelityIfMeasured().orElseThrow();

        assertTrue(curves.suspicious(), "a flat deletion curve is no better than random: " + curves);
        for (FeatureWeight w : e.label(1).surrogate().weights()) {
            assertEquals(0, w.weight(), 1e-9, "no word matters");
        }
    }

    @Test
    void adaptiveSamplingStopsEarlyWhenOneWordDecides() {
        TextExplanation e = explain(new KeywordClassifier("excellent", 0.9, 0.1), TextExplainerOptions.builder()
                .samples(2000).samplingDesign(SamplingDesign.ORTHOGONAL).adaptive(new AdaptiveSampling(50, 0.8, 1, 100)));

        SamplingReport sampling = e.samplingIfAdaptive().orElseThrow();

        assertTrue(sampling.converged());
        assertTrue(sampling.used() < 2000, "stopped after " + sampling.used() + " of 2000 samples");
        assertEquals(sampling.used(), e.samples());
        assertEquals("excellent", e.label(1).words().get(0).word());
    }

    @Test
    void everyDesignFindsTheKeyword() {
        for (SamplingDesign design : SamplingDesign.values()) {
            TextExplanation e = explain(new KeywordClassifier("excellent", 0.9, 0.1),
                    TextExplainerOptions.builder().samples(400).samplingDesign(design));
            assertEquals("excellent", e.label(1).words().get(0).word(), design.toString());
        }
    }

    @Test
    void theDefaultIsTheReferencesRemovalDesignWithoutTrustMeasures() {
        TextExplanation e = explain(new KeywordClassifier("excellent", 0.9, 0.1), TextExplainerOptions.builder()
                .samples(100));
        assertEquals(SamplingDesign.REMOVAL, e.options().sampling().design());
        assertTrue(e.label(1).trust().stabilityIfMeasured().isEmpty());
        assertTrue(e.label(1).trust().fidelityIfMeasured().isEmpty());
        assertTrue(e.samplingIfAdaptive().isEmpty());
    }
}
