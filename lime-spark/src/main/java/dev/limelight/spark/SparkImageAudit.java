package dev.limelight.spark;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.AuditWorker;
import dev.limelight.audit.ImageAudit;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.LabelledImage;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.ImageResizer;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SegmenterKind;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.calibration.Temperature;
import dev.limelight.models.NetworkImageClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * An image audit on Apache Spark, with the same per-image work, seeds and results as the single-JVM
 * {@link ImageAudit}.
 *
 * <ol>
 *   <li>The driver lists the images and decides which to explain (from the labels alone, as
 *       {@link ImageAudit#imagesToExplain} does), and spreads the tasks over partitions by cost.</li>
 *   <li>The model file is broadcast once ({@link ShippedModel}); each partition loads it once and runs
 *       an {@link dev.limelight.audit.AuditWorker}: batched classification, then the explanations.</li>
 *   <li>Executors write one row per image as Parquet ({@link AuditRows}); the driver reads the rows
 *       back, rebuilds the explanations around its own copy of each explained image and grid, and
 *       {@link AuditResult#assemble assembles} the audit: metrics, calibration, mistakes and SP-LIME over
 *       the collected weights.</li>
 * </ol>
 *
 * <p>The driver loads the model once too, for its class names and input size. Image paths must be
 * readable by the executors and the driver (a local or shared file system).
 */
public final class SparkImageAudit {

    private final SparkSession spark;
    private final AuditOptions options;
    private final int partitions;
    private final int threadsPerTask;

    /**
     * @param spark          the session
     * @param options        the audit options
     * @param partitions     partitions to spread the images over (0: Spark's default parallelism)
     * @param threadsPerTask ND4J threads per task (0: ND4J's default, one per core; on local[N] with N
     *                       tasks per machine, cores / N avoids oversubscribing the cores)
     */
    public SparkImageAudit(SparkSession spark, AuditOptions options, int partitions, int threadsPerTask) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.options = Objects.requireNonNull(options, "options");
        if (partitions < 0 || threadsPerTask < 0) {
            throw new IllegalArgumentException("partitions and threads per task must be at least 0, got "
                    + partitions + " and " + threadsPerTask);
        }
        this.partitions = partitions;
        this.threadsPerTask = threadsPerTask;
    }

    /** An audit with Spark's default parallelism and ND4J's default threads. */
    public SparkImageAudit(SparkSession spark, AuditOptions options) {
        this(spark, options, 0, 0);
    }

    /**
     * Audits a DataFrame of images: a string column {@code path} and a string column {@code label}
     * (the class name), e.g. from a table of files or {@code spark.read().format("binaryFile")} with a
     * label derived from the path. Labels are matched to the model's class names as a folder's are.
     */
    public SparkAuditRun run(Dataset<Row> images, Path modelFile, ModelOptions modelOptions, Path rowsOut) {
        NetworkImageClassifier driverModel = ImageModels.load(modelFile, modelOptions);
        List<Path> paths = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Row row : images.select("path", "label").collectAsList()) {
            String path = row.getString(0);
            paths.add(path.startsWith("file:") ? Path.of(java.net.URI.create(path)) : Path.of(path));
            labels.add(row.getString(1));
        }
        return run(LabelledFolder.of(paths, labels, driverModel.classNames()), driverModel, modelFile, modelOptions,
                null, rowsOut);
    }

    /**
     * Audits a labelled folder.
     *
     * @param folder       the images, classes matched to the model's (see {@link LabelledFolder#read})
     * @param modelFile    the model file, broadcast to the executors
     * @param modelOptions how to read it
     * @param rowsOut      the Parquet folder for the per-image rows (overwritten)
     */
    public SparkAuditRun run(LabelledFolder folder, Path modelFile, ModelOptions modelOptions, Path rowsOut) {
        return run(folder, modelFile, modelOptions, null, rowsOut);
    }

    /**
     * Audits a labelled folder with the model's probabilities scaled by a temperature, on the
     * executors and on the driver alike (as {@link ImageAudit} does with {@link Temperature#applyTo}).
     *
     * @param temperature null: the probabilities as they are
     */
    public SparkAuditRun run(LabelledFolder folder, Path modelFile, ModelOptions modelOptions, Temperature temperature,
                             Path rowsOut) {
        return run(folder, ImageModels.load(modelFile, modelOptions), modelFile, modelOptions, temperature, rowsOut);
    }

    private SparkAuditRun run(LabelledFolder folder, NetworkImageClassifier driverNetwork, Path modelFile,
                              ModelOptions modelOptions, Temperature temperature, Path rowsOut) {
        ImageClassifier driverModel = temperature == null ? driverNetwork : temperature.applyTo(driverNetwork);
        String modelName = driverNetwork.name();
        long start = System.nanoTime();
        List<LabelledImage> images = folder.images();
        Set<Integer> explained = new HashSet<>(ImageAudit.imagesToExplain(folder, options));
        List<AuditTask> tasks = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            LabelledImage image = images.get(i);
            tasks.add(new AuditTask(i, image.path().toString(), image.className(), image.classIndex(),
                    explained.contains(i)));
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int wanted = partitions > 0 ? partitions : context.defaultParallelism();
        List<List<AuditTask>> slices = TaskPlan.partition(tasks, wanted,
                (long) options.samples() * options.stabilityRuns());
        Broadcast<ShippedModel> shipped = context.broadcast(ShippedModel.of(modelFile, modelOptions, temperature));
        try {
            FlatMapFunction<List<AuditTask>, AuditTask> unpack = List::iterator;
            JavaRDD<Row> rows = context.parallelize(slices, slices.size()).flatMap(unpack)
                    .mapPartitions(new PartitionAuditor(shipped, options, threadsPerTask));
            spark.createDataFrame(rows, AuditRows.SCHEMA).write().mode(SaveMode.Overwrite)
                    .parquet(rowsOut.toAbsolutePath().toString());
        } finally {
            shipped.destroy();
        }
        List<Row> written = spark.read().parquet(rowsOut.toAbsolutePath().toString()).collectAsList();
        if (written.size() != images.size()) {
            throw new IllegalStateException("expected " + images.size() + " rows in " + rowsOut + ", found "
                    + written.size());
        }
        ImageObservation[] observations = new ImageObservation[images.size()];
        Map<Integer, ImageExplanation> explanations = new HashMap<>();
        Map<Integer, Double> loadByPartition = new HashMap<>();
        double classify = 0;
        double explain = 0;
        ImageInput input = driverModel.input();
        for (Row row : written) {
            int index = row.getInt(row.fieldIndex("index"));
            observations[index] = AuditRows.observation(row);
            classify += row.getDouble(row.fieldIndex("classify_ms"));
            loadByPartition.put(row.getInt(row.fieldIndex("partition")), row.getDouble(row.fieldIndex("model_load_ms")));
            if (row.getBoolean(row.fieldIndex("explained"))) {
                RasterImage image = ImageResizer.resize(ImageFiles.read(images.get(index).path()), input.width(),
                        input.height()).withChannels(input.channels());
                ImageExplanation e = AuditRows.explanation(row, image, SegmenterKind.GRID.create(options.gridCells())
                        .segment(image), new ImageExplanation.ModelAnswer(driverModel.outputKind(),
                        driverModel.classNames(), observations[index].probabilities(), driverModel.explainedOutput()), options);
                explanations.put(index, e);
                explain += e.timings().totalMillis();
            }
        }
        double[][] probabilities = Arrays.stream(observations).map(ImageObservation::probabilities)
                .toArray(double[][]::new);
        AuditWorker driver = new AuditWorker(driverModel, options, modelName);
        for (int i : AuditWorker.mistakesToExplain(folder, probabilities, explained, options)) {
            explanations.put(i, driver.explain(images.get(i), i, AuditWorker.argMax(probabilities[i])));
        }
        AuditResult result = AuditResult.assemble(folder, modelName, List.of(observations), explanations,
                options);
        double load = loadByPartition.values().stream().mapToDouble(Double::doubleValue).sum();
        return new SparkAuditRun(result, rowsOut, slices.size(), loadByPartition.size(), load, classify, explain,
                (System.nanoTime() - start) / 1e6);
    }
}
