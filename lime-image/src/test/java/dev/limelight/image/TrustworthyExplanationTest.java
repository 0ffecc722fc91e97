package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SamplingReport;
import dev.limelight.core.trust.Counterfactuals.Counterfactual;
import dev.limelight.core.trust.FidelityCurves;
import dev.limelight.core.trust.Stability;
import dev.limelight.image.render.ExplanationJson;
import dev.limelight.image.render.HtmlReport;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Stability, adaptive sampling, fidelity curves and counterfactuals on models with known answers. */
class TrustworthyExplanationTest {

    private static final ImageInput INPUT = new ImageInput(64, 64, 3, ImageLayout.NHWC);

    private static ImageExplainerOptions.Builder options() {
        return ImageExplainerOptions.builder().samples(400).hideMode(HideMode.constant(0, 0, 0))
                .segmenter(SegmenterKind.GRID.create(16)).labels(1);
    }

    @Test
    void aPlantedCueIsStableAcrossSeedsAndItsDeletionCurveFallsFarBelowRandom() {
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(INPUT, 0, 0, 32, 32);

        ImageExplanation e = new ImageExplainer(options().stability(5, 4).fidelityCurves(true).build())
                .explain(ImageExplainerTest.texturedImage(64, 64, 1), model);

        Stability stability = e.label(1).trust().stability();
        assertEquals(5, stability.runs());
        assertTrue(stability.topKJaccard() > 0.95, "the 4 region segments are the top 4 for every seed: " + stability);
        FidelityCurves curves = e.label(1).trust().fidelity();
        assertTrue(curves.deletionArea() < curves.randomDeletionArea() - 0.1, curves.toString());
        assertFalse(curves.suspicious());
    }

    @Test
    void aModelThatIgnoresItsInputGetsAFlatDeletionCurveAndIsFlagged() {
        RegionBrightnessClassifier constant = new RegionBrightnessClassifier(INPUT, 0, 0, 32, 32) {
            @Override
            public INDArray predict(INDArray batch) {
                super.predict(batch);
                double[][] rows = new double[(int) batch.size(0)][];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = new double[] {0.25, 0.75};
                }
                return Nd4j.createFromArray(rows);
            }
        };

        ImageExplanation e = new ImageExplainer(options().samples(60).fidelityCurves(true).build())
                .explain(ImageExplainerTest.texturedImage(64, 64, 2), constant);

        FidelityCurves curves = e.label(1).trust().fidelity();
        for (double p : curves.deletion()) {
            assertEquals(0.75, p, 1e-9);
        }
        assertTrue(curves.suspicious(), curves.toString());
    }

    @Test
    void adaptiveSamplingStopsEarlyOnAStableExplanationAndSaysSo() {
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(INPUT, 0, 0, 32, 32);

        ImageExplanation e = new ImageExplainer(options().samples(1000)
                .adaptive(new AdaptiveSampling(50, 0.9, 4, 10)).build())
                .explain(ImageExplainerTest.texturedImage(64, 64, 3), model);

        SamplingReport sampling = e.samplingIfAdaptive().orElseThrow();
        assertTrue(sampling.converged());
        assertTrue(sampling.used() < 1000, "stopped before the budget: " + sampling);
        assertEquals(sampling.used(), e.samples());
        assertTrue(sampling.agreements().get(sampling.agreements().size() - 1) >= 0.9);
        assertEquals(sampling.used(), model.imagesScored, "only the samples used were scored");
        assertTrue(sampling.lastForecast().orElseThrow().agreement() >= 0.9);
        assertTrue(ExplanationJson.toJson(e).get("adaptiveSampling").has("contested"));
        assertTrue(HtmlReport.render(e, "t").contains("Adaptive sampling</b>: " + sampling.used() + " of 1000"));
    }

    @Test
    void adaptiveSamplingSpendsTheWholeBudgetOnANoisyModel() {
        RegionBrightnessClassifier noisy = new RegionBrightnessClassifier(INPUT, 0, 0, 32, 32) {
            private final java.util.SplittableRandom random = new java.util.SplittableRandom(1);

            @Override
            public INDArray predict(INDArray batch) {
                super.predict(batch);
                double[][] rows = new double[(int) batch.size(0)][];
                for (int i = 0; i < rows.length; i++) {
                    double p = random.nextDouble();
                    rows[i] = new double[] {1 - p, p};
                }
                return Nd4j.createFromArray(rows);
            }
        };

        ImageExplanation e = new ImageExplainer(options().samples(300)
                .adaptive(new AdaptiveSampling(50, 0.95, 4, 10)).build())
                .explain(ImageExplainerTest.texturedImage(64, 64, 4), noisy);

        SamplingReport sampling = e.samplingIfAdaptive().orElseThrow();
        assertFalse(sampling.converged(), sampling.toString());
        assertEquals(300, sampling.used());
        assertFalse(sampling.contestedDescription().isEmpty(), "a noisy model's top 4 is a lottery: " + sampling);
        assertTrue(sampling.contestedDescription().endsWith("contested for the top 4"), sampling.contestedDescription());
    }

    @Test
    void hidingTheRegionTheModelReadsFlipsItsPrediction() {
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(INPUT, 0, 0, 32, 32);
        float[] pixels = new float[64 * 64 * 3];
        java.util.Arrays.fill(pixels, 230f);

        ImageExplanation e = new ImageExplainer(options().counterfactual(true).build())
                .explain(new RasterImage(64, 64, 3, pixels), model);

        Counterfactual c = e.label(1).trust().counterfactual();
        assertEquals(1, c.originalLabel());
        assertEquals(0, c.newLabel());
        assertTrue(c.removed().size() >= 1 && c.removed().size() <= 4, c.toString());
        assertTrue(ExplanationJson.toText(e).contains("\"counterfactual\""));
    }
}
