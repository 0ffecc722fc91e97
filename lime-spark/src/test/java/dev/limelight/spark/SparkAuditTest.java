package dev.limelight.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditReport;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.DistributedAudit;
import dev.limelight.audit.ImageAudit;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.PlantedCue;
import dev.limelight.core.LocalExplanation;
import dev.limelight.image.HideMode;
import dev.limelight.models.ImageModels;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.calibration.Temperature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark audit on local[2] against the single-JVM audit, on the planted-cue CNN (a real DL4J model
 * trained in the test, saved as a DL4J zip and shipped to the executors as a user's file would be):
 * same predictions, same explanations weight for weight, same SP-LIME picks, seed for seed.
 */
class SparkAuditTest {

    @TempDir
    static Path dir;
    private static Path modelFile;
    private static LabelledFolder folder;
    private static SparkSession spark;
    private static final AuditOptions OPTIONS = AuditOptions.builder().budget(4).explained(12).samples(200)
            .hideMode(HideMode.constant(0, 0, 0)).seed(3).build();

    @BeforeAll
    static void trainSaveAndStartSpark() throws Exception {
        modelFile = PlantedCue.save(PlantedCue.train(), dir.resolve("planted-cue.zip"));
        folder = LabelledFolder.read(PlantedCue.writeFolder(dir.resolve("data"), 30, 99), PlantedCue.CLASSES);
        spark = SparkSession.builder().master("local[2]").appName("limelight test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static AuditResult singleJvm(AuditOptions options) {
        return new ImageAudit(options).run(folder, ImageModels.load(modelFile, PlantedCue.MODEL_OPTIONS), "planted-cue cnn");
    }

    private static void assertSameAudit(AuditResult expected, AuditResult actual) {
        assertEquals(expected.explainedOrder(), actual.explainedOrder(), "the same images are explained");
        assertArrayEquals(expected.predicted(), actual.predicted(), "the same predictions");
        assertArrayEquals(expected.confidence(), actual.confidence(), 1e-6, "the same probabilities");
        for (int i : expected.explainedOrder()) {
            LocalExplanation e = expected.explanations().get(i).top().surrogate();
            LocalExplanation a = actual.explanations().get(i).top().surrogate();
            assertEquals(e.weights(), a.weights(), "image " + i + ": the same cells and weights");
            assertEquals(e.intercept(), a.intercept(), 1e-12);
            assertEquals(e.score(), a.score(), 1e-12);
            assertEquals(expected.explanations().get(i).seed(), actual.explanations().get(i).seed());
        }
        assertEquals(expected.pickedImages(), actual.pickedImages(), "SP-LIME picks the same explanations");
        assertEquals(expected.cellImportance(), actual.cellImportance());
        assertEquals(expected.mistakes(), actual.mistakes());
        assertEquals(expected.metrics().accuracy(), actual.metrics().accuracy());
        assertEquals(expected.rows().size(), actual.rows().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            var e = expected.rows().get(i);
            var a = actual.rows().get(i);
            assertEquals(e.path(), a.path());
            assertEquals(e.tags(), a.tags(), "row " + i + ": the same tags");
            assertEquals(e.properties(), a.properties(), "row " + i + ": the same properties");
            assertArrayEquals(e.cellWeights(), a.cellWeights(), "row " + i + ": the same cell weights");
            assertArrayEquals(e.trueCellWeights(), a.trueCellWeights(), "row " + i + ": the same true-class weights");
        }
    }

    @Test
    void localTwoGivesTheSingleJvmAuditSeedForSeed() throws Exception {
        AuditResult expected = singleJvm(OPTIONS);
        SparkAuditRun run = new SparkImageAudit(spark, OPTIONS).run(folder, modelFile, PlantedCue.MODEL_OPTIONS,
                dir.resolve("rows.parquet"));

        assertEquals(2, run.partitions());
        assertEquals(2, run.modelLoads(), "one model load per partition, not per image");
        assertSameAudit(expected, run.result());
        // The shortcut is found on Spark as in one JVM: the patch's cell is the most important overall.
        int mostImportant = run.result().cellImportance().entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(0, mostImportant);

        Dataset<Row> rows = spark.read().parquet(dir.resolve("rows.parquet").toString());
        assertEquals(30, rows.count(), "one row per image");
        assertEquals(12, rows.filter("explained").count());
        assertEquals(2, rows.select("partition").distinct().count());
        Row first = rows.filter("explained").orderBy("index").first();
        int index = first.getInt(first.fieldIndex("index"));
        assertEquals(expected.explanations().get(index).top().surrogate().weights().stream()
                        .map(w -> w.feature()).collect(Collectors.toList()), first.getList(first.fieldIndex("cells")));
        assertTrue(first.getDouble(first.fieldIndex("score_ms")) > 0, "stage timings are kept");

        Path report = AuditReport.write(run.result(), dir.resolve("report"));
        assertTrue(Files.readString(report).contains("SP-LIME"));
    }

    @Test
    void aTemperatureIsAppliedOnTheExecutorsAsInOneJvm() {
        Temperature temperature = new Temperature(2.5, "calibration file test.json");
        NetworkImageClassifier network = ImageModels.load(modelFile, PlantedCue.MODEL_OPTIONS);
        AuditResult expected = new ImageAudit(OPTIONS).run(folder, temperature.applyTo(network), "planted-cue cnn");
        AuditResult uncalibrated = singleJvm(OPTIONS);

        AuditResult actual = new SparkImageAudit(spark, OPTIONS).run(folder, modelFile, PlantedCue.MODEL_OPTIONS,
                temperature, dir.resolve("rows-calibrated.parquet")).result();

        assertSameAudit(expected, actual);
        assertEquals(expected.calibration().expectedCalibrationError(),
                actual.calibration().expectedCalibrationError(), 1e-6);
        assertEquals(2.5, actual.calibrationUsed().temperature());
        assertEquals("calibration file test.json", actual.calibrationUsed().source());
        double moved = 0;
        for (int i = 0; i < actual.confidence().length; i++) {
            moved = Math.max(moved, Math.abs(actual.confidence()[i] - uncalibrated.confidence()[i]));
        }
        assertTrue(moved > 0.01, "the temperature moves the probabilities (largest change " + moved + ")");
    }

    @Test
    void aDataFrameOfPathsAndLabelsWithStabilityGivesTheSameAuditAsTheFolder() {
        AuditOptions options = AuditOptions.builder().budget(3).explained(6).samples(150).stabilityRuns(3)
                .hideMode(HideMode.constant(0, 0, 0)).build();
        AuditResult expected = singleJvm(options);
        List<Row> listed = folder.images().stream()
                .map(i -> org.apache.spark.sql.RowFactory.create(i.path().toString(), i.className())).toList();
        Dataset<Row> images = spark.createDataFrame(listed, new org.apache.spark.sql.types.StructType()
                .add("path", "string").add("label", "string")).orderBy(functions.rand(1));
        SparkAuditRun run = new SparkImageAudit(spark, options, 3, 1).run(images, modelFile, PlantedCue.MODEL_OPTIONS,
                dir.resolve("rows-df.parquet"));

        assertEquals(3, run.partitions());
        assertSameAudit(expected, run.result());
        for (int i : expected.explainedOrder()) {
            var want = expected.explanations().get(i).top().trust().stabilityIfMeasured().orElseThrow();
            var got = run.result().explanations().get(i).top().trust().stabilityIfMeasured().orElseThrow();
            assertEquals(want, got, "image " + i + ": the same stability over 3 seeds");
        }
    }

    @Test
    void theCommandLineFindsTheSparkAuditOnTheClassPath() throws Exception {
        DistributedAudit audit = DistributedAudit.find("spark");
        assertEquals("spark", audit.engine());
        // getOrCreate inside reuses this test's session; its stop() ends it, so a new one is made after.
        AuditResult result = audit.run("local[2]", folder, modelFile, PlantedCue.MODEL_OPTIONS, null, OPTIONS,
                dir.resolve("cli"));
        assertSameAudit(singleJvm(OPTIONS), result);
        assertTrue(Files.isDirectory(dir.resolve("cli").resolve("images.parquet")));
        spark = SparkSession.builder().master("local[2]").appName("limelight test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }
}
