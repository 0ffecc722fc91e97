package dev.limelight.audit.slices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.AuditRow;
import dev.limelight.audit.ImageProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Weak slices on rows whose weak cohort is planted, and on rows that have none beyond their classes. */
class SliceFinderTest {

    private static final List<String> LABELS = List.of("coat", "shirt", "shoe");

    /**
     * @param label       the row's label
     * @param correct     whether the model got it right
     * @param brightness  the brightness property
     * @param sharpness   the sharpness property
     */
    private static AuditRow row(int index, String label, boolean correct, double brightness, double sharpness) {
        String predicted = correct ? label : LABELS.get((LABELS.indexOf(label) + 1) % LABELS.size());
        double[] p = new double[LABELS.size()];
        p[LABELS.indexOf(predicted)] = 0.8;
        p[(LABELS.indexOf(predicted) + 1) % LABELS.size()] = 0.2;
        ImageProperties properties = new ImageProperties(28, 28, 1, brightness, 50, sharpness, 0, 6);
        return new AuditRow(label + "/" + index + ".png", label, predicted, p, 0.8, 0.6,
                -Math.log(Math.max(p[LABELS.indexOf(label)], 1e-12)), properties, List.of(), null, null);
    }

    /** 600 rows, 200 a label; per-label accuracy as given, the blurred third's lowered to {@code blurredAccuracy}. */
    private static List<AuditRow> rows(long seed, double[] accuracy, double blurredAccuracy, boolean darkShirts) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AuditRow> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int label = i % 3;
            boolean blurred = i % 9 < 3;
            double p = blurred && blurredAccuracy >= 0 ? blurredAccuracy : accuracy[label];
            double sharpness = blurred ? 100 + 100 * random.nextDouble() : 1000 + 4000 * random.nextDouble();
            if (blurredAccuracy < 0) {
                sharpness = 100 + 4900 * random.nextDouble();
            }
            double brightness = darkShirts && label == 1 ? 30 + 20 * random.nextDouble() : 60 + 120 * random.nextDouble();
            rows.add(row(i, LABELS.get(label), random.nextDouble() < p, brightness, sharpness));
        }
        return rows;
    }

    @Test
    void aPlantedBlurredThirdIsTheTopSliceWithItsAccuracyAndInterval() {
        List<AuditRow> rows = rows(1, new double[] {0.93, 0.93, 0.93}, 0.78, false);

        List<Slice> weak = new SliceFinder(SliceOptions.DEFAULTS).weakSlices(rows);

        assertFalse(weak.isEmpty());
        Slice top = weak.get(0);
        assertTrue(top.description().startsWith("sharpness <"), top.description());
        assertTrue(top.members().stream().allMatch(i -> i % 9 < 3), "every member is a blurred image");
        assertTrue(top.accuracy() < 0.85 && top.expectedAccuracy() > 0.88, top.toString());
        assertTrue(top.ci()[0] < top.accuracy() && top.accuracy() < top.ci()[1] && top.ci()[1] < top.expectedAccuracy(),
                "the interval holds the accuracy and stays below the expected: " + java.util.Arrays.toString(top.ci()));
        assertTrue(top.pValue() < 0.05);
    }

    @Test
    void withoutAPlantedCohortOnlyTheKnownPerClassGapIsSignificant() {
        for (long seed = 2; seed < 6; seed++) {
            List<AuditRow> rows = rows(seed, new double[] {0.95, 0.80, 0.95}, -1, false);

            List<Slice> weak = new SliceFinder(SliceOptions.DEFAULTS).weakSlices(rows);

            assertTrue(weak.stream().allMatch(s -> s.description().equals("label = shirt")),
                    "seed " + seed + ": " + weak.stream().map(Slice::description).toList());
        }
    }

    @Test
    void aPropertyThatOnlyMarksTheWeakClassIsNotAWeakSliceOfItsOwn() {
        List<AuditRow> rows = rows(7, new double[] {0.95, 0.75, 0.95}, -1, true);

        List<Slice> all = new SliceFinder(SliceOptions.DEFAULTS).search(rows);
        Slice dark = all.stream().filter(s -> s.description().startsWith("brightness <")
                && !s.description().contains(" and ")).findFirst().orElseThrow();

        assertTrue(dark.accuracy() < dark.restAccuracy() - 0.1, "dark images are mostly shirts, which fail: " + dark);
        assertFalse(dark.significant(), "but no more than other shirts: " + dark);
        assertEquals(dark.expectedAccuracy(), dark.accuracy(), 0.06);
        assertTrue(all.get(0).description().equals("label = shirt") && all.get(0).significant());
    }

    @Test
    void holmAdjustsStepDown() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                SliceFinder.holm(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    }

    @Test
    void outcomeTagsAreNeverCohortsAndSmallCohortsAreNotTested() {
        List<AuditRow> rows = new ArrayList<>(rows(3, new double[] {0.9, 0.9, 0.9}, -1, false));
        rows.replaceAll(r -> new AuditRow(r.path(), r.label(), r.predicted(), r.probabilities(), r.confidence(),
                r.margin(), r.loss(), r.properties(), r.correct() ? List.of() : List.of("mistake"), null, null));
        List<Slice> all = new SliceFinder(SliceOptions.DEFAULTS).search(rows);

        assertTrue(all.stream().noneMatch(s -> s.description().contains("mistake")));
        assertTrue(all.stream().allMatch(s -> s.support() >= 30 && s.support() <= 580),
                "5 % of 600 is the least support, and 20 rows are left out");
    }
}
