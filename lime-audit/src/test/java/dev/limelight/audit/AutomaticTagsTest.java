package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.image.RasterImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each automatic tag's rule, on observations made to meet or miss it. */
class AutomaticTagsTest {

    private static final AutomaticTags TAGS = new AutomaticTags(TagRules.DEFAULTS);

    /** A textured 24 x 24 grey image around {@code level}, different for every seed. */
    private static RasterImage texture(long seed, double level, double spread) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[24 * 24];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Math.max(0, Math.min(255, level + spread * (random.nextDouble() - 0.5)));
        }
        return new RasterImage(24, 24, 1, pixels);
    }

    private static ImageObservation observe(RasterImage image, double... p) {
        return new ImageObservation(p, ImageProperties.of(image), Thumbnail.of(image), new byte[0]);
    }

    /** Twenty ordinary, correctly and confidently classified images of class 0. */
    private static List<ImageObservation> ordinary(int[] labels) {
        List<ImageObservation> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            list.add(observe(texture(i, 120 + i, 120), 0.95, 0.05));
            labels[i] = 0;
        }
        return list;
    }

    @Test
    void predictionTagsFollowTheirThresholds() {
        int[] labels = new int[24];
        List<ImageObservation> obs = ordinary(labels);
        obs.add(observe(texture(100, 125, 120), 0.01, 0.99));   // a firm mistake: the label gets 0.01
        obs.add(observe(texture(101, 125, 120), 0.15, 0.85));   // a confident mistake, not a mislabel
        obs.add(observe(texture(102, 125, 120), 0.52, 0.48));   // correct but ambiguous
        obs.add(observe(texture(103, 125, 120), 0.45, 0.10));   // correct, low confidence (other classes 0.45)

        List<List<String>> tags = TAGS.tag(labels, obs);

        assertEquals(List.of(), tags.get(0));
        assertEquals(List.of("mistake", "confident-mistake", "potential-mislabel"), tags.get(20));
        assertEquals(List.of("mistake", "confident-mistake"), tags.get(21));
        assertEquals(List.of("ambiguous"), tags.get(22));
        assertEquals(List.of("low-confidence"), tags.get(23));
    }

    @Test
    void aDarkImageAmongOrdinaryOnesIsTaggedAndAUniformFolderGetsNoPropertyTag() {
        int[] labels = new int[21];
        List<ImageObservation> obs = ordinary(labels);
        obs.add(observe(texture(50, 20, 20), 0.9, 0.1));

        List<List<String>> tags = TAGS.tag(labels, obs);

        assertTrue(tags.get(20).contains("dark"), tags.get(20).toString());
        assertTrue(tags.get(20).contains("low-contrast"), tags.get(20).toString());
        assertFalse(tags.subList(0, 20).stream().anyMatch(t -> t.contains("dark") || t.contains("bright")),
                "ordinary images are not dark or bright: " + tags);

        List<ImageObservation> same = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            same.add(observe(texture(7, 120, 120), 0.9, 0.1));
        }
        assertTrue(TAGS.tag(new int[10], same).stream().allMatch(t -> t.equals(List.of("near-duplicate"))),
                "identical images are duplicates of each other and nothing else");
    }

    @Test
    void aSmallImageIsTaggedAgainstTheFoldersMedianSide() {
        int[] labels = new int[21];
        List<ImageObservation> obs = ordinary(labels);
        float[] tiny = new float[10 * 10];
        java.util.Arrays.fill(tiny, 120);
        tiny[5] = 240;
        obs.add(observe(new RasterImage(10, 10, 1, tiny), 0.9, 0.1));

        assertTrue(TAGS.tag(labels, obs).get(20).contains("small"));
    }

    @Test
    void aNearDuplicateAcrossClassesIsALabellingProblem() {
        int[] labels = new int[22];
        List<ImageObservation> obs = ordinary(labels);
        RasterImage photo = texture(999, 130, 200);
        float[] brighter = photo.pixels();
        for (int i = 0; i < brighter.length; i++) {
            brighter[i] = Math.min(255, brighter[i] + 3);
        }
        obs.add(observe(photo, 0.9, 0.1));
        obs.add(observe(new RasterImage(24, 24, 1, brighter), 0.9, 0.1));
        labels[21] = 1;

        List<List<String>> tags = TAGS.tag(labels, obs);

        assertTrue(tags.get(20).contains("cross-class-duplicate") && tags.get(21).contains("cross-class-duplicate"),
                tags.subList(20, 22).toString());
        assertTrue(tags.subList(0, 20).stream().noneMatch(t -> t.contains("near-duplicate")),
                "different textures are not duplicates: " + tags.subList(0, 20));
    }

    /** An embedding near axis {@code axis} of 8, with a little seeded noise. */
    private static float[] near(int axis, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] e = new float[8];
        for (int d = 0; d < e.length; d++) {
            e[d] = (float) (0.1 * random.nextDouble());
        }
        e[axis] += 1;
        return e;
    }

    private static ImageObservation embedded(long seed, float[] embedding, double... p) {
        RasterImage image = texture(seed, 120 + seed % 20, 120);
        return new ImageObservation(p, ImageProperties.of(image), Thumbnail.of(image), new byte[0], embedding);
    }

    @Test
    void anImageFarFromItsLabelsMeanEmbeddingIsAnOutlier() {
        List<ImageObservation> obs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            obs.add(embedded(i, near(0, i), 0.9, 0.1));
        }
        obs.add(embedded(20, near(5, 20), 0.9, 0.1));

        List<List<String>> tags = TAGS.tag(new int[21], obs);

        assertEquals(List.of("outlier"), tags.get(20));
        assertTrue(tags.subList(0, 20).stream().noneMatch(t -> t.contains("outlier")), tags.toString());
    }

    @Test
    void aPotentialMislabelNeedsItsNeighboursToCarryThePredictedClass() {
        int[] labels = new int[22];
        List<ImageObservation> obs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            labels[i] = i % 2;
            obs.add(embedded(i, near(i % 2, i), i % 2 == 0 ? 0.95 : 0.05, i % 2 == 0 ? 0.05 : 0.95));
        }
        obs.add(embedded(20, near(1, 20), 0.01, 0.99));   // labelled 0, looks like the 1s: a mislabel
        obs.add(embedded(21, near(0, 21), 0.01, 0.99));   // labelled 0, looks like the 0s: the model errs
        labels[20] = 0;
        labels[21] = 0;

        List<List<String>> tags = TAGS.tag(labels, obs);

        assertTrue(tags.get(20).contains("potential-mislabel"), tags.get(20).toString());
        assertFalse(tags.get(21).contains("potential-mislabel"), tags.get(21).toString());
        assertTrue(tags.get(21).contains("confident-mistake"));
    }

    @Test
    void theMarginIsTheGapToTheRunnerUp() {
        assertEquals(0.5, AutomaticTags.margin(new double[] {0.2, 0.7, 0.1}), 1e-12);
        assertEquals(0.0, AutomaticTags.margin(new double[] {0.5, 0.5}), 1e-12);
    }
}
