package dev.limelight.benchmarks.spark;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.ImageAudit;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.core.LocalExplanation;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.spark.SparkAuditRun;
import dev.limelight.spark.SparkDistributedAudit;
import dev.limelight.spark.SparkImageAudit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark audit against the single-JVM audit on the same images: the bundled Fashion-MNIST CNN over
 * PER_CLASS real test images of each class, E of them explained with S samples each. Every setting
 * runs R times (after one untimed warm-up audit); the table gives the fastest run. The single-JVM
 * time counts loading the model and the audit, on the main thread and on a fresh thread (the ratio
 * column is against the latter); a Spark time counts the driver's model load, the
 * broadcast, the executors' loads, the Parquet rows and the assembly (starting the session is given
 * apart: a long-lived session pays it once). On local[N] each task gets cores / N ND4J threads. The
 * results are checked against the single-JVM audit: same predictions, weights and picks. A setting
 * {@code MASTER@T} gives each task T ND4J threads (0: ND4J's default, all cores).
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.spark.SparkAuditScaling [PER_CLASS E S R MASTER...]}
 * (defaults 100 40 1000 2 local[2] local[1]).
 */
public final class SparkAuditScaling {

    private static final Path MODEL = Path.of("models", "bundled", "fashion-mnist-cnn.zip");

    private SparkAuditScaling() {
    }

    public static void main(String[] args) throws Exception {
        int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int explained = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<String> masters = args.length > 4 ? List.of(args).subList(4, args.length) : List.of("local[2]", "local[1]");
        Path data = FashionMnistFolder.write(Path.of("out", "bench", "spark", "fashion-" + perClass), perClass);
        AuditOptions options = AuditOptions.builder().explained(explained).samples(samples).build();
        ModelOptions modelOptions = ModelOptions.defaults();

        NetworkImageClassifier warm = ImageModels.load(MODEL, modelOptions);
        LabelledFolder folder = LabelledFolder.read(data, warm.classNames());
        new ImageAudit(AuditOptions.builder().explained(2).samples(100).build()).run(folder, warm, "warm-up");
        System.out.printf(Locale.ROOT, "%d Fashion-MNIST test images, %d explained with %d samples, grid %d; %d cores; "
                        + "fastest of %d runs%n", folder.images().size(), explained, samples, options.gridCells(),
                Runtime.getRuntime().availableProcessors(), repeats);

        // The single-JVM audit on the JVM's main thread (as the command runs it) and on a fresh thread
        // (as Spark runs a task): measured here, the same work is 20-30 % faster on a fresh thread.
        double onMain = Double.MAX_VALUE;
        double onThread = Double.MAX_VALUE;
        AuditResult[] reference = new AuditResult[1];
        Runnable audit = () -> {
            NetworkImageClassifier model = ImageModels.load(MODEL, modelOptions);
            reference[0] = new ImageAudit(options).run(LabelledFolder.read(data, model.classNames()), model, model.name());
        };
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            audit.run();
            onMain = Math.min(onMain, (System.nanoTime() - t0) / 1e6);
            Thread worker = new Thread(audit, "audit");
            long t1 = System.nanoTime();
            worker.start();
            worker.join();
            onThread = Math.min(onThread, (System.nanoTime() - t1) / 1e6);
        }
        double single = onThread;
        System.out.printf(Locale.ROOT, "%-14s %10s %10s %9s %8s %10s %12s %12s %10s%n", "setting", "wall s", "session s",
                "vs 1 JVM", "tasks", "loads", "classify s", "explain s", "same");
        System.out.printf(Locale.ROOT, "%-14s %10.1f %10s %9.2f %8s %10s %12s %12s %10s%n", "1 JVM, main", onMain / 1e3, "-",
                onMain / single, "-", "1", "-", "-", "-");
        System.out.printf(Locale.ROOT, "%-14s %10.1f %10s %9.2f %8s %10s %12s %12s %10s%n", "1 JVM, thread", onThread / 1e3,
                "-", 1.0, "-", "1", "-", "-", "-");
        for (String setting : masters) {
            String master = setting.split("@")[0];
            int threads = setting.contains("@") ? Integer.parseInt(setting.split("@")[1]) : SparkDistributedAudit.threadsPerTask(master);
            long s0 = System.nanoTime();
            SparkSession spark = SparkSession.builder().master(master).appName("limelight scaling")
                    .config("spark.ui.enabled", "false").getOrCreate();
            double session = (System.nanoTime() - s0) / 1e6;
            SparkAuditRun best = null;
            for (int r = 0; r < repeats; r++) {
                SparkAuditRun run = new SparkImageAudit(spark, options, 0, threads)
                        .run(folder, MODEL, modelOptions, Path.of("out", "bench", "spark", "rows-" + master.replaceAll("\\W", "")));
                if (best == null || run.wallMillis() < best.wallMillis()) {
                    best = run;
                }
            }
            spark.stop();
            System.out.printf(Locale.ROOT, "%-14s %10.1f %10.1f %9.2f %8d %10d %12.1f %12.1f %10s%n", setting,
                    best.wallMillis() / 1e3, session / 1e3, best.wallMillis() / single, best.partitions(), best.modelLoads(),
                    best.classifyMillis() / 1e3, best.explainMillis() / 1e3, same(reference[0], best.result()));
        }
    }

    private static String same(AuditResult a, AuditResult b) {
        if (!a.pickedImages().equals(b.pickedImages()) || !java.util.Arrays.equals(a.predicted(), b.predicted())) {
            return "NO";
        }
        List<Integer> differing = new ArrayList<>();
        for (int i : a.explainedOrder()) {
            LocalExplanation x = a.explanations().get(i).top().surrogate();
            LocalExplanation y = b.explanations().get(i).top().surrogate();
            if (!x.weights().equals(y.weights())) {
                differing.add(i);
            }
        }
        return differing.isEmpty() ? "yes" : "weights differ " + differing;
    }
}
