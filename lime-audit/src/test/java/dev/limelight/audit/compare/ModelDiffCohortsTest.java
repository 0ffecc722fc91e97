package dev.limelight.audit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.ImageProperties;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.LabelledImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The diff's cohorts with known answers, on rows made by hand: model B fails every blurred image
 * that model A got right, so B has a weak slice on sharpness (a fifth of the images, of both labels), A has none, and the slice's broken
 * images are exactly the blurred ones A got right.
 */
class ModelDiffCohortsTest {

    private static final List<String> LABELS = List.of("coat", "shirt");

    @Test
    void aWeakSliceOfModelBIsACohortHoldingItsBrokenImages() {
        SplittableRandom random = new SplittableRandom(3);
        List<AuditRow> rowsA = new ArrayList<>();
        List<AuditRow> rowsB = new ArrayList<>();
        int blurredBroken = 0;
        for (int i = 0; i < 400; i++) {
            String label = LABELS.get(i % 2);
            boolean blurred = i % 5 == 0;
            boolean rightA = random.nextDouble() < 0.9;
            boolean rightB = rightA && !blurred;
            blurredBroken += blurred && rightA ? 1 : 0;
            double sharpness = blurred ? 50 + 50 * random.nextDouble() : 500 + 500 * random.nextDouble();
            ImageProperties properties = new ImageProperties(28, 28, 1, 100 + 50 * random.nextDouble(), 50,
                    sharpness, 0, 6);
            rowsA.add(row(i, label, rightA, properties));
            rowsB.add(row(i, label, rightB, properties));
        }

        ModelDiff diff = ModelDiff.of(run("a", rowsA), run("b", rowsB), 0, AuditOptions.builder().build());

        List<ModelDiff.CohortChange> sliceOfB = diff.cohorts().stream()
                .filter(c -> c.cohort().startsWith("weak slice of B: ") && c.cohort().contains("sharpness")).toList();
        assertFalse(sliceOfB.isEmpty(), diff.cohorts().toString());
        assertEquals(100, sliceOfB.get(0).images(), "the lowest sharpness quartile, which holds the 80 blurred images");
        assertEquals(blurredBroken, sliceOfB.get(0).broken());
        assertEquals(0, sliceOfB.get(0).fixed());
        assertEquals(sliceOfB.get(0), diff.cohorts().get(0), "the most broken cohort: " + diff.cohorts());
        assertTrue(diff.cohorts().stream().noneMatch(c -> c.cohort().startsWith("weak slice of A: ")),
                "A is as accurate on blurred images as on the rest: " + diff.cohorts());
        assertTrue(diff.cohorts().stream().noneMatch(c -> c.cohort().contains("slice") && c.cohort().contains("label")),
                "class cohorts are the labels' own rows");
    }

    private static AuditRow row(int index, String label, boolean right, ImageProperties properties) {
        String predicted = right ? label : LABELS.get(1 - LABELS.indexOf(label));
        double[] p = new double[2];
        p[LABELS.indexOf(predicted)] = 0.8;
        p[1 - LABELS.indexOf(predicted)] = 0.2;
        return new AuditRow(label + "/" + index + ".png", label, predicted, p, 0.8, 0.6,
                -Math.log(p[LABELS.indexOf(label)]), properties, List.of(), null, null);
    }

    private static ModelRun run(String name, List<AuditRow> rows) {
        List<LabelledImage> images = rows.stream()
                .map(r -> new LabelledImage(Path.of(r.path()), r.label(), LABELS.indexOf(r.label()))).toList();
        List<ImageObservation> observations = rows.stream()
                .map(r -> new ImageObservation(r.probabilities(), r.properties(), null, new byte[0])).toList();
        return new ModelRun(name, null, new LabelledFolder(Path.of("."), LABELS, images), rows, observations);
    }
}
