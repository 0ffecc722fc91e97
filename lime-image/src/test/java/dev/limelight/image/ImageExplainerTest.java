package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.testing.SharedData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageExplainerTest {

    private static final ImageInput INPUT_64 = new ImageInput(64, 64, 3, ImageLayout.NHWC);

    /** A textured random photo, so every segmenter finds many segments. */
    static RasterImage texturedImage(int w, int h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double wave = 127 + 60 * Math.sin(x / (3.0 + c)) * Math.cos(y / (4.0 + c));
                    pixels[(y * w + x) * 3 + c] = (float) Math.max(0, Math.min(255, wave + 40 * random.nextGaussian()));
                }
            }
        }
        return new RasterImage(w, h, 3, pixels);
    }

    private static ImageExplainerOptions.Builder blackHide() {
        return ImageExplainerOptions.builder().samples(300).hideMode(HideMode.constant(0, 0, 0))
                .segmenter(SegmenterKind.GRID.create(16)).labels(1);
    }

    @ParameterizedTest
    @EnumSource(ImageLayout.class)
    void aModelThatLooksAtOneRegionGetsThatRegionsSegmentsOnTop(ImageLayout layout) {
        ImageInput input = new ImageInput(64, 64, 3, layout);
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(input, 0, 0, 32, 32);

        ImageExplanation e = new ImageExplainer(blackHide().build()).explain(texturedImage(64, 64, 1), model);

        Segmentation s = e.segmentation();
        List<FeatureWeight> weights = e.label(1).surrogate().weights();
        for (FeatureWeight w : weights.subList(0, 4)) {
            assertTrue(insideShare(s, w.feature(), model) == 1.0, "top segment " + w + " lies in the region");
            assertTrue(w.weight() > 0.01, "and raises the probability: " + w);
        }
        for (FeatureWeight w : weights.subList(4, weights.size())) {
            assertEquals(0.0, insideShare(s, w.feature(), model));
            assertTrue(Math.abs(w.weight()) < 0.01, "segments outside the region hardly matter: " + w);
        }
        assertTrue(e.label(1).surrogate().score() > 0.95, "the linear surrogate is almost exact here");
    }

    @Test
    void thePositiveShareInARegionCountsEachCellByItsPixelsInside() {
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(INPUT_64, 0, 0, 32, 32);
        ImageExplanation e = new ImageExplainer(blackHide().labels(1)
                .segmenter(new dev.limelight.image.segmentation.GridSegmenter(4)).build())
                .explain(texturedImage(64, 64, 4), model);

        double leftHalf = e.positiveShareIn(columnsBelow(32, 64, 64), 64, 64);
        assertEquals(1.0, leftHalf, 0.01, "the positive weight is on the top-left cell, inside the left half "
                + "(the ridge leaves crumbs elsewhere)");
        assertEquals(leftHalf / 2, e.positiveShareIn(columnsBelow(16, 64, 64), 64, 64), 1e-12,
                "half of each left cell's pixels are in the left quarter");
        assertEquals(leftHalf / 2, e.positiveShareIn(columnsBelow(2, 8, 8), 8, 8), 1e-12,
                "the same region at a lower resolution");
        assertEquals(0.0, e.positiveShareIn(new boolean[64 * 64], 64, 64));
    }

    /** A region of the columns left of {@code x}. */
    private static boolean[] columnsBelow(int x, int width, int height) {
        boolean[] inside = new boolean[width * height];
        for (int p = 0; p < inside.length; p++) {
            inside[p] = p % width < x;
        }
        return inside;
    }

    @Test
    void aRealPhotoWithTheRegionModelPutsTheRegionFirst() {
        RasterImage photo = ImageFiles.read(SharedData.require("images/cat_mouse.jpg"));
        ImageInput input = new ImageInput(128, 128, 3, ImageLayout.NCHW);
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(input, 64, 64, 128, 128);

        ImageExplanation e = new ImageExplainer(ImageExplainerOptions.builder().samples(400)
                .hideMode(HideMode.constant(0, 0, 0)).labels(1).build()).explain(photo, model);

        FeatureWeight top = e.label(1).surrogate().weights().get(0);
        assertTrue(insideShare(e.segmentation(), top.feature(), model) > 0.5,
                "top SLIC segment " + top + " lies mostly in the bottom-right quarter the model reads");
    }

    @Test
    void theSameSeedGivesTheSameExplanationAndAnotherSeedAnother() {
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(INPUT_64, 0, 0, 32, 32);
        RasterImage image = texturedImage(64, 64, 2);
        ImageExplainerOptions options = blackHide().seed(5).build();

        List<FeatureWeight> first = new ImageExplainer(options).explain(image, model).label(1).surrogate().weights();
        List<FeatureWeight> again = new ImageExplainer(options).explain(image, model).label(1).surrogate().weights();
        List<FeatureWeight> other = new ImageExplainer(options.toBuilder().seed(6).build()).explain(image, model)
                .label(1).surrogate().weights();

        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void samplesAreScoredInBatchesOfTheGivenSize() {
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(INPUT_64, 0, 0, 32, 32);
        ImageExplanation e = new ImageExplainer(blackHide().samples(250).batchSize(32).build())
                .explain(texturedImage(64, 64, 3), model);

        assertEquals(8, model.calls);
        assertEquals(250, model.imagesScored);
        assertEquals(250, e.samples());
    }

    @Test
    void theTopLabelsAreExplainedMostProbableFirst() {
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(INPUT_64, 0, 0, 32, 32);
        ImageExplanation e = new ImageExplainer(ImageExplainerOptions.builder().samples(50)
                .segmenter(SegmenterKind.GRID.create(9)).build()).explain(texturedImage(64, 64, 4), model);

        assertEquals(2, e.labels().size());
        assertTrue(e.labels().get(0).probability() >= e.labels().get(1).probability());
    }

    @Test
    void photosOfAnyShapeAndChannelCountAreResizedToTheModelsInput() {
        RegionBrightnessClassifier gray = new RegionBrightnessClassifier(new ImageInput(28, 28, 1, ImageLayout.NCHW),
                0, 0, 14, 14);
        RasterImage wideRgb = texturedImage(90, 40, 5);

        ImageExplanation e = new ImageExplainer(blackHide().samples(50).build()).explain(wideRgb, gray);

        assertEquals(28, e.image().width());
        assertEquals(1, e.image().channels());
    }

    @Test
    void aLabelOutsideTheModelsRangeIsRejected() {
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(INPUT_64, 0, 0, 32, 32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageExplainer(blackHide().labels(2).build()).explain(texturedImage(64, 64, 6), model));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void aModelReturningSomethingOtherThanProbabilitiesIsReported() {
        RegionBrightnessClassifier logits = new RegionBrightnessClassifier(INPUT_64, 0, 0, 32, 32) {
            @Override
            public org.nd4j.linalg.api.ndarray.INDArray predict(org.nd4j.linalg.api.ndarray.INDArray batch) {
                return super.predict(batch).muli(3);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ImageExplainer(blackHide().build()).explain(texturedImage(64, 64, 7), logits));
        assertTrue(e.getMessage().contains("not 1"), e.getMessage());
    }

    private static double insideShare(Segmentation s, int segment, RegionBrightnessClassifier model) {
        int inside = 0;
        int all = 0;
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                if (s.label(x, y) == segment) {
                    all++;
                    inside += model.contains(x, y) ? 1 : 0;
                }
            }
        }
        return (double) inside / all;
    }
}
