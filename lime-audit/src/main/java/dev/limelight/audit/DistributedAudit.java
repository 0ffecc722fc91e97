package dev.limelight.audit;

import dev.limelight.models.ModelOptions;
import dev.limelight.models.calibration.Temperature;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * An audit that runs on a distributed engine (lime-spark provides one for Apache Spark). Found with
 * {@link ServiceLoader}, so the command line can offer it without depending on the engine: the
 * engine's jars are on the class path only when it is used.
 */
public interface DistributedAudit {

    /** @return the engine's name, e.g. "spark" */
    String engine();

    /**
     * Runs the audit: the same per-image work as {@link ImageAudit} ({@link AuditWorker}), spread
     * over the engine's workers, each loading the model once; one row per image is written under
     * {@code out}, and the result is what the single-JVM audit returns for the same folder, model and options.
     * Files that cannot be decoded are screened out on the driver ({@link LabelledFolder#decodable()},
     * so the driver must read the paths too) and listed in the result's folder as skipped.
     *
     * @param master       where to run, in the engine's terms (for Spark: local[2], spark://host:7077, yarn)
     * @param folder       the labelled images (paths readable by the workers)
     * @param modelFile    the model file, shipped to the workers
     * @param modelOptions how to read it
     * @param temperature  the temperature the workers and the driver scale the model's probabilities
     *                     by, as {@link Temperature#applyTo} does in one JVM; null for the probabilities as they are
     * @param options      the audit options
     * @param out          the output folder
     */
    AuditResult run(String master, LabelledFolder folder, Path modelFile, ModelOptions modelOptions,
                    Temperature temperature, AuditOptions options, Path out);

    /**
     * @return the distributed audit on the class path for {@code engine}
     * @throws IllegalStateException if none is
     */
    static DistributedAudit find(String engine) {
        for (DistributedAudit audit : ServiceLoader.load(DistributedAudit.class)) {
            if (audit.engine().equalsIgnoreCase(engine)) {
                return audit;
            }
        }
        throw new IllegalStateException("no " + engine + " audit on the class path: run it through ./limelight "
                + "(which adds lime-spark), or add the lime-spark jar and its dependencies");
    }
}
