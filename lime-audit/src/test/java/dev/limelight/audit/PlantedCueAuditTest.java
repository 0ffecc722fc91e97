package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.audit.slices.ExplanationCluster;
import dev.limelight.audit.slices.ExplanationClusters;
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
    void everyImageBecomesARowAndACopyFiledUnderTheOtherClassIsACrossClassDuplicate() throws Exception {
        Path data = PlantedCue.writeFolder(dir.resolve("rows"), 16, 7);
        Files.copy(data.resolve("plain/0.png"), data.resolve("patched/copy-of-0.png"));
        Files.move(data.resolve("plain/2.png"), data.resolve("plain/<img src=x onerror=alert(1)>.png"));
        LabelledFolder folder = LabelledFolder.read(data, model.classNames());
        AuditResult result = new ImageAudit(AuditOptions.builder().budget(2).explained(4).samples(100).build())
                .run(folder, model, "planted-cue cnn");

        assertEquals(17, result.rows().size());
        AuditRow original = row(result, "plain/0.png");
        AuditRow copy = row(result, "patched/copy-of-0.png");
        assertTrue(original.hasTag("cross-class-duplicate") && copy.hasTag("cross-class-duplicate"),
                original.tags() + " / " + copy.tags());
        assertEquals(original.predicted(), copy.predicted(), "the same pixels get the same answer");
        assertTrue(copy.hasTag("mistake") != original.hasTag("mistake"), "one of the two labels must be wrong");
        assertEquals(2, result.rows().stream().filter(r -> r.hasTag("near-duplicate")).count(),
                "the other images are not duplicates");
        for (AuditRow r : result.rows()) {
            assertEquals(28, r.properties().width());
            assertEquals(-Math.log(Math.max(r.probabilities()[model.classNames().indexOf(r.label())], 1e-12)), r.loss(),
                    1e-12);
            assertEquals(r.confidence() >= 0 && r.label().equals(r.predicted()), r.correct());
        }
        assertTrue(copy.explained() && copy.trueCellWeights() != null,
                "a confident mistake is explained for its prediction and, beside it, for its label");
        assertEquals(16, copy.trueCellWeights().length);
        assertTrue(result.rows().stream().filter(r -> r.correct()).allMatch(r -> r.trueCellWeights() == null));
        assertTrue(result.rows().stream().filter(r -> !r.correct()).allMatch(AuditRow::explained),
                "fewer than 10 mistakes: every one is explained, besides the sample of 4");
        AuditRow explained = result.rows().stream().filter(AuditRow::explained).findFirst().orElseThrow();
        assertEquals(16, explained.cellWeights().length);
        assertTrue(explained.cellWeights()[explained.topCells()[0]] != 0);

        Path out = dir.resolve("rows-out");
        AuditReport.write(result.withUserTags(Map.of("plain/0.png", List.of("checked"))), out);
        List<AuditRow> read = AuditReport.readRows(out.resolve(AuditReport.ROWS_FILE));
        assertEquals(17, read.size());
        AuditRow readBack = read.stream().filter(r -> r.path().equals("plain/0.png")).findFirst().orElseThrow();
        assertEquals(original.tags().size() + 1, readBack.tags().size());
        assertEquals("checked", readBack.tags().get(readBack.tags().size() - 1));
        assertEquals(original.properties(), readBack.properties());
        JsonNode json = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertEquals(17, json.get("rows").size());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<img src=x"), "a file name is data, never markup");
        String marker = "id=\"audit-data\">";
        int start = html.indexOf(marker) + marker.length();
        String embedded = html.substring(start, html.indexOf("</script>", start));
        JsonNode explorer = new ObjectMapper().readTree(embedded);
        assertEquals(json.get("rows"), explorer.get("rows"), "the explorer shows audit.json's rows");
        assertEquals(17, explorer.get("previews").size());
        assertTrue(explorer.get("rows").findValuesAsText("path").contains("plain/<img src=x onerror=alert(1)>.png"));
        assertEquals(2, json.get("tagCounts").get("cross-class-duplicate").asInt());
        JsonNode cluster = json.get("clusters").get(0);
        assertEquals(List.of("id", "class", "members", "meanWeights"), fieldNames(cluster).subList(0, 4));
        assertTrue(cluster.has("flagged"));
        assertEquals(List.of("path", "label", "predicted", "probabilities", "confidence", "margin", "loss", "properties",
                "tags"), fieldNames(json.get("rows").get(1)).subList(0, 9));
    }

    private static AuditRow row(AuditResult result, String path) {
        return result.rows().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theCueImagesFormAFlaggedExplanationClusterAndThePlainOnesDoNot() {
        LabelledFolder folder = LabelledFolder.read(dir.resolve("data"), model.classNames());
        AuditResult result = new ImageAudit(AuditOptions.builder().explained(24).samples(200)
                .hideMode(HideMode.constant(0, 0, 0)).build()).run(folder, model, "planted-cue cnn");

        List<ExplanationCluster> clusters = ExplanationClusters.of(result.rows(), model.classNames(), 0);

        ExplanationCluster cue = clusters.stream().filter(c -> c.className().equals("patched"))
                .max(java.util.Comparator.comparingInt(c -> c.members().size())).orElseThrow();
        assertTrue(cue.flagged(), "the patch's cell holds the evidence of the 'patched' cluster: " + cue);
        assertEquals(0, cue.topCell());
        assertTrue(cue.members().size() >= 10 && cue.members().stream().allMatch(p -> p.startsWith("patched/")),
                cue.members().toString());
        assertTrue(clusters.stream().filter(c -> c.className().equals("plain")).noneMatch(ExplanationCluster::flagged),
                "plain images have no single place of evidence: " + clusters);
        assertTrue(cue.id().startsWith(model.classNames().indexOf("patched") + "-"));
    }

    @Test
    void folderClassesAreMatchedToTheModelsClassNames() throws Exception {
        LabelledFolder folder = LabelledFolder.read(dir.resolve("data"), List.of("patched", "plain"));
        LabelledImage first = folder.images().stream().filter(i -> i.className().equals("plain")).findFirst().orElseThrow();
        assertEquals(1, first.classIndex());
    }
}
