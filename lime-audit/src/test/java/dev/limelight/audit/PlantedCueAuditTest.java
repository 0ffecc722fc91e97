package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.image.HideMode;
import dev.limelight.models.NetworkImageClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The husky-vs-wolf situation in miniature ({@link PlantedCue}): a real DL4J CNN is trained on images
 * where a bright corner patch always comes with class "patched". The audit must show the patch:
 * SP-LIME's picked explanations of "patched" predictions put the corner cell first, and it is the globally most important cell.
 */
class PlantedCueAuditTest {

    @TempDir
    static Path dir;
    private static NetworkImageClassifier model;

    @BeforeAll
    static void trainAModelWithAShortcutAndWriteATestFolder() throws Exception {
        model = PlantedCue.classifier(PlantedCue.train());
        PlantedCue.writeFolder(dir.resolve("data"), 24, 99);
    }

    @Test
    void thePickedExplanationsPutThePlantedPatchFirst() throws Exception {
        LabelledFolder folder = LabelledFolder.read(dir.resolve("data"), model.classNames());
        AuditResult result = new ImageAudit(AuditOptions.builder().budget(4).explained(12).samples(200)
                .hideMode(HideMode.constant(0, 0, 0)).build()).run(folder, model, "planted-cue cnn");

        assertEquals(24, folder.images().size());
        assertTrue(result.metrics().accuracy() > 0.9, "the shortcut works on data that has it: " + result.metrics().accuracy());
        int patchedPicks = 0;
        for (int i : result.pickedImages()) {
            var top = result.explanations().get(i).top();
            if (top.label() == 1) {
                patchedPicks++;
                assertEquals(0, top.surrogate().weights().get(0).feature(),
                        "the corner cell drives the 'patched' prediction of " + folder.images().get(i).path());
            }
        }
        assertTrue(patchedPicks >= 1, "SP-LIME picks at least one 'patched' explanation");
        Map<Integer, Double> importance = result.cellImportance();
        int mostImportant = importance.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(0, mostImportant, "the patch's cell is the most important overall: " + importance);

        // Kept in target/ so that CI can open the report in a browser (.ci/run).
        Path out = Path.of("target", "planted-cue-audit");
        Path report = AuditReport.write(result, out);
        JsonNode json = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertEquals(4, json.get("pickedExplanations").size());
        assertEquals(2, json.get("classes").size());
        assertTrue(Files.readString(report).contains("SP-LIME"));
    }

    @Test
    void folderClassesAreMatchedToTheModelsClassNames() throws Exception {
        LabelledFolder folder = LabelledFolder.read(dir.resolve("data"), List.of("patched", "plain"));
        LabelledImage first = folder.images().stream().filter(i -> i.className().equals("plain")).findFirst().orElseThrow();
        assertEquals(1, first.classIndex());
    }
}
