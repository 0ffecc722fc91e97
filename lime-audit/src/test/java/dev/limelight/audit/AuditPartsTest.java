package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ProgressListener;
import dev.limelight.image.HideMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces a distributed audit relies on: which images are explained, options that travel, listed images. */
class AuditPartsTest {

    private static LabelledFolder folder(int perClass, int classes) {
        List<Path> paths = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                paths.add(Path.of("/data", "c" + c, i + ".png"));
                labels.add("c" + c);
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        return LabelledFolder.of(paths, labels, names);
    }

    @Test
    void explainedImagesAreSpreadOverTheClassesAndDependOnlyOnTheSeed() {
        LabelledFolder f = folder(10, 3);
        AuditOptions options = AuditOptions.builder().explained(9).seed(5).build();
        List<Integer> chosen = ImageAudit.imagesToExplain(f, options);
        assertEquals(9, chosen.size());
        assertEquals(9, new HashSet<>(chosen).size());
        int[] perClass = new int[3];
        chosen.forEach(i -> perClass[f.images().get(i).classIndex()]++);
        assertEquals(List.of(3, 3, 3), List.of(perClass[0], perClass[1], perClass[2]));
        assertEquals(chosen, ImageAudit.imagesToExplain(f, options));
        assertTrue(!chosen.equals(ImageAudit.imagesToExplain(f, AuditOptions.builder().explained(9).seed(6).build())),
                "another seed explains other images");
    }

    @Test
    void optionsSurviveSerializationWithoutTheirProgressListener() throws Exception {
        ProgressListener listener = (stage, done, total) -> { };
        AuditOptions options = AuditOptions.builder().budget(3).samples(123).gridCells(9).hideMode(HideMode.blur(2))
                .stabilityRuns(3).seed(17).progress(listener).build();
        assertSame(listener, options.progress());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(options);
        }
        AuditOptions copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (AuditOptions) in.readObject();
        }
        assertEquals(123, copy.samples());
        assertEquals(9, copy.gridCells());
        assertEquals(3, copy.stabilityRuns());
        assertEquals(17, copy.seed());
        assertEquals(HideMode.blur(2), copy.hideMode());
        assertSame(ProgressListener.NONE, copy.progress());
    }

    @Test
    void listedImagesAreMatchedToTheModelsClassesAndRootedAtTheirCommonFolder() {
        LabelledFolder f = LabelledFolder.of(List.of(Path.of("/d/wolf/2.png"), Path.of("/d/husky/1.png")),
                List.of("wolf", "husky"), List.of("Husky", "Wolf"));
        assertEquals(Path.of("/d"), f.root());
        assertEquals(Path.of("/d/husky/1.png"), f.images().get(0).path());
        assertEquals(0, f.images().get(0).classIndex());
        assertEquals(1, f.images().get(1).classIndex());
        assertThrows(IllegalArgumentException.class, () -> LabelledFolder.of(List.of(Path.of("/a.png")),
                List.of("cat"), List.of("husky", "wolf", "fox")));
        assertThrows(IllegalArgumentException.class, () -> LabelledFolder.of(List.of(), List.of(), List.of("a")));
    }

    @Test
    void aFolderGivenByARelativePathIsRead() throws Exception {
        Path relative = Path.of("target", "relative-labelled-folder");
        PlantedCue.writeFolder(relative, 4, 1);
        LabelledFolder f = LabelledFolder.read(relative, PlantedCue.CLASSES);
        assertEquals(4, f.images().size());
        assertEquals(relative.toAbsolutePath().normalize(), f.root());
        assertEquals(2, f.images().stream().filter(i -> i.classIndex() == 1).count());
    }
}
