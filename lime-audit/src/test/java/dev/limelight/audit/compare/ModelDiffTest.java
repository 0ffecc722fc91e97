package dev.limelight.audit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.models.NetworkImageClassifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model diffs with known answers: a model trained with one class relabelled against its clean twin. */
class ModelDiffTest {

    @TempDir
    static Path dir;
    private static LabelledFolder folder;
    private static ModelRun clean;
    private static ModelRun relabelled;
    private static NetworkImageClassifier cleanModel;
    private static NetworkImageClassifier relabelledModel;
    private static final AuditOptions OPTIONS = AuditOptions.builder().samples(150).seed(0).build();

    @BeforeAll
    static void trainBoth() throws Exception {
        folder = LabelledFolder.read(Stripes.writeFolder(dir.resolve("data"), 20, 77), Stripes.CLASSES);
        cleanModel = Stripes.train(-1);
        clean = ModelRun.of("clean", cleanModel, folder, OPTIONS);
        relabelledModel = Stripes.train(2);
        relabelled = ModelRun.of("relabelled", relabelledModel, folder, OPTIONS);
    }

    @Test
    void relabellingOneClassBreaksThatClassAndTheDiffSaysSo() {
        ModelDiff diff = ModelDiff.of(clean, relabelled, 4, OPTIONS);

        assertTrue(diff.modelA().accuracy() > 0.9, "the clean model learns the stripes: " + diff.modelA());
        assertTrue(diff.changed().broken().size() >= 15, "most diagonal images break: " + diff.changed());
        assertTrue(diff.changed().broken().stream().allMatch(p -> p.startsWith("diagonal/")), diff.changed().broken()
                .toString());
        assertEquals("label = diagonal", diff.cohorts().get(0).cohort(), "the most broken cohort is the class");
        assertTrue(diff.mcnemar().pValue() < 1e-4, "McNemar: " + diff.mcnemar());
        ModelDiff.Difference recall = diff.difference("recall", "diagonal").orElseThrow();
        assertTrue(recall.difference() < -0.7 && recall.high() < 0, "a real drop, its interval below 0: " + recall);
        assertFalse(diff.difference("recall", "vertical").orElseThrow().significant(), "the other classes hold");
        assertEquals(4, diff.evidence().size(), "the first four broken images explained under both models");
        diff.evidence().forEach(e -> assertTrue(e.rankCorrelation() >= -1 && e.rankCorrelation() <= 1));
        assertEquals(4, diff.evidencePick().picked().size(), "SP-LIME over four moved explanations picks all four");
        assertTrue(diff.evidencePick().coveredShare() > 0.99);
        assertTrue(java.util.Arrays.stream(diff.evidencePick().cellImportance()).anyMatch(v -> v > 0));
    }

    @Test
    void theReportListsTheBrokenImagesWithBothExplanations() throws Exception {
        Comparison comparison = Comparison.models(clean, relabelled, 3, OPTIONS);
        // kept in target/ for CI, which opens it in Chromium and clicks a broken image
        Path out = Path.of("target/stripes-compare");

        ComparisonReport.write(comparison, out);

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("compare.json").toFile());
        for (String key : List.of("modelA", "modelB", "changed", "mcnemar", "differences", "cohorts", "evidence")) {
            assertTrue(json.has(key), key + " in compare.json");
        }
        assertEquals(comparison.changed().broken().size(), json.get("changed").get("broken").size());
        assertTrue(json.get("mcnemar").has("statistic") && json.get("mcnemar").has("pValue"));
        String html = java.nio.file.Files.readString(out.resolve("report.html"));
        assertEquals(3, html.split("class=\"explanation-b\"", -1).length - 1, "three explained, both sides shown");
        assertTrue(java.nio.file.Files.size(out.resolve("reliability.png")) > 1000);
    }

    @Test
    void theJavaEntryPointGivesTheSameDiff() {
        Comparison c = ModelComparison.of(cleanModel, relabelledModel, folder, OPTIONS, 0);

        assertEquals(ModelDiff.of(clean, relabelled, 0, OPTIONS).changed(), c.changed());
        assertEquals(List.of(), c.evidence());
    }

    @Test
    void aModelAgainstItselfChangesNothing() {
        ModelRun again = ModelRun.of("again", cleanModel, folder, OPTIONS);

        ModelDiff diff = ModelDiff.of(clean, again, 2, OPTIONS);

        assertEquals(List.of(), diff.changed().fixed());
        assertEquals(List.of(), diff.changed().broken());
        assertEquals(List.of(), diff.changed().bothWrong());
        assertEquals(1.0, diff.mcnemar().pValue());
        assertTrue(diff.differences().stream().noneMatch(ModelDiff.Difference::significant));
        assertTrue(diff.evidence().isEmpty(), "nothing changed, nothing to explain");
    }

    @Test
    void runsWithoutACommonImageAreRefused() throws Exception {
        LabelledFolder other = LabelledFolder.read(Stripes.writeFolder(dir.resolve("other/nested"), 3, 1),
                Stripes.CLASSES);
        ModelRun elsewhere = ModelRun.of("elsewhere", cleanModel, other, OPTIONS);
        ModelRun shifted = new ModelRun("shifted", cleanModel, elsewhere.folder(), elsewhere.rows().stream()
                .map(r -> new dev.limelight.audit.AuditRow("x/" + r.path(), r.label(), r.predicted(), r.probabilities(),
                        r.confidence(), r.margin(), r.loss(), r.properties(), r.tags(), null, null)).toList(),
                elsewhere.observations());

        String message = assertThrows(IllegalArgumentException.class,
                () -> ModelDiff.of(clean, shifted, 0, OPTIONS)).getMessage();
        assertTrue(message.contains("no image in common"), message);
    }

    @Test
    void mcnemarKnowsItsBinomial() {
        assertEquals(1.0, McNemar.of(0, 0).pValue());
        assertEquals(2 * Math.pow(0.5, 10), McNemar.of(10, 0).pValue(), 1e-15);
        assertEquals(8.1, McNemar.of(10, 0).statistic(), 1e-12);
        assertEquals(1.0, McNemar.of(5, 5).pValue());
        assertEquals(McNemar.of(3, 9).pValue(), McNemar.of(9, 3).pValue(), 1e-15);
    }
}
