package dev.limelight.spark;

import dev.limelight.audit.AuditResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A finished Spark audit: the audit itself and what the run cost.
 *
 * @param result          the audit, as the single-JVM audit would report it
 * @param rows            the Parquet folder with one row per image
 * @param partitions      how many partitions did the work
 * @param modelLoads      how many times an executor loaded the model (once per partition)
 * @param modelLoadMillis the model loads' summed time
 * @param classifyMillis  the executors' summed classification time
 * @param explainMillis   the executors' summed explanation time
 * @param wallMillis      the run's wall time on the driver, from planning to the assembled result
 */
public record SparkAuditRun(AuditResult result, Path rows, int partitions, int modelLoads, double modelLoadMillis,
                            double classifyMillis, double explainMillis, double wallMillis) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d images in %d partitions: wall %.1f s; executors: %d model loads %.1f s, "
                        + "classification %.1f s, explanations %.1f s (summed over partitions)",
                result.folder().images().size(), partitions, wallMillis / 1e3, modelLoads, modelLoadMillis / 1e3,
                classifyMillis / 1e3, explainMillis / 1e3);
    }
}
