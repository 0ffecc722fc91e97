package dev.limelight.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.LabelledFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flat folder of unlabelled images runs every test that needs no label, and refuses the others by name. */
class FlatFolderTest {

    @TempDir
    static Path dir;
    private static LabelledFolder flat;

    @BeforeAll
    static void flattenTheFolder() throws Exception {
        Path labelled = HalfBrightness.writeFolder(dir.resolve("labelled"), 5, 11);
        Path root = Files.createDirectories(dir.resolve("flat"));
        try (Stream<Path> files = Files.walk(labelled)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, root.resolve(p.getParent().getFileName() + "-" + p.getFileName()));
            }
        }
        flat = LabelledFolder.readLabelsIfAny(root, HalfBrightness.CLASSES);
    }

    @Test
    void aFolderWithoutSubFoldersIsReadAsUnlabelledImages() {
        assertFalse(flat.labelled());
        assertEquals(10, flat.images().size());
        CheckContext context = CheckContext.of(HalfBrightness.leftHalf(), flat, Map.of(), 0, 32);
        assertNull(context.rows().get(0).label());
        assertTrue(Double.isNaN(context.rows().get(0).loss()));
        assertTrue(context.rows().stream().noneMatch(r -> r.hasTag("mistake")), "no label, no mistake");
    }

    @Test
    void testsThatNeedNoLabelRunOnIt() {
        ModelSuite suite = new ModelSuite(0, java.util.List.of(
                new InvarianceCheck("mirror", new Transformation("hflip", 0), null, 0.9, null),
                new InvarianceCheck("brighter, predicted bright", new Transformation("brightness", 10),
                        new Cohort(null, "bright", null, null, null, null), 0.9, null),
                new ExpectedLabelCheck("left-bright images", null, "bright-*.png", "bright", 0.9)));

        SuiteResult result = suite.run(HalfBrightness.leftHalf(), flat);

        assertFalse(result.tests().get(0).passed(), "the left-half model fails mirroring without labels too");
        assertTrue(result.tests().get(1).passed(), result.tests().get(1).summary());
        assertEquals(5, result.tests().get(1).details().get("images"), "five images are predicted bright");
        assertTrue(result.tests().get(2).passed(), result.tests().get(2).summary());
    }

    @Test
    void testsThatNeedLabelsAreRefusedByName() {
        ModelSuite suite = new ModelSuite(0, java.util.List.of(
                new ThresholdCheck("accuracy", "accuracy", null, null, 0.9, null),
                new InvarianceCheck("mirror", new Transformation("hflip", 0), Cohort.ofLabel("dark"), 0.9, null),
                new InvarianceCheck("fine", new Transformation("hflip", 0), null, 0.9, null)));

        String message = assertThrows(IllegalArgumentException.class,
                () -> suite.run(HalfBrightness.leftHalf(), flat)).getMessage();

        assertTrue(message.contains("flat folder of unlabelled images") && message.contains("'accuracy' (threshold)")
                && message.contains("'mirror' (invariance)") && !message.contains("'fine'"), message);
    }
}
