package dev.limelight.spark;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.DistributedAudit;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.calibration.Temperature;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark audit as the command line finds it ({@code ./limelight audit --spark MASTER}): starts a
 * session on MASTER (the Spark UI off), runs a {@link SparkImageAudit}, writes the rows to
 * {@code OUT/images.parquet} and stops the session. On {@code local[N]} every task gets cores / N
 * ND4J threads, so N tasks share the machine's cores instead of each taking all of them.
 */
public final class SparkDistributedAudit implements DistributedAudit {

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+)\\]");

    @Override
    public String engine() {
        return "spark";
    }

    @Override
    public AuditResult run(String master, LabelledFolder folder, Path modelFile, ModelOptions modelOptions,
                           Temperature temperature, AuditOptions options, Path out) {
        SparkSession spark = SparkSession.builder().master(master).appName("limelight audit")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            SparkAuditRun run = new SparkImageAudit(spark, options, 0, threadsPerTask(master))
                    .run(folder.decodable(), modelFile, modelOptions, temperature, out.resolve("images.parquet"));
            System.err.println("spark: " + run);
            return run.result();
        } finally {
            spark.stop();
        }
    }

    /** @return ND4J threads per task for a master: this machine's cores / N on local[N], else 0 (ND4J's default) */
    public static int threadsPerTask(String master) {
        Matcher m = LOCAL.matcher(master.trim());
        if (!m.matches()) {
            return 0;
        }
        int slots = Integer.parseInt(m.group(1));
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, slots));
    }
}
