package dev.limelight.spark;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditWorker;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.LabelledImage;
import dev.limelight.image.ImageExplanation;
import dev.limelight.models.NetworkImageClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An executor's work on one partition: load the shipped model once, classify the partition's images
 * in batches, explain the flagged ones, and emit one {@link AuditRows row} per image. The per-image
 * work is {@link AuditWorker}'s, as in the single-JVM audit, so results do not depend on partitioning.
 */
final class PartitionAuditor implements FlatMapFunction<Iterator<AuditTask>, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<ShippedModel> model;
    private final AuditOptions options;
    private final int threadsPerTask;

    /**
     * @param model          the broadcast model
     * @param options        the audit options
     * @param threadsPerTask ND4J threads per task (0: leave ND4J's default, one per core)
     */
    PartitionAuditor(Broadcast<ShippedModel> model, AuditOptions options, int threadsPerTask) {
        this.model = model;
        this.options = options;
        this.threadsPerTask = threadsPerTask;
    }

    @Override
    public Iterator<Row> call(Iterator<AuditTask> partition) {
        List<AuditTask> tasks = new ArrayList<>();
        partition.forEachRemaining(tasks::add);
        if (tasks.isEmpty()) {
            return List.<Row>of().iterator();
        }
        if (threadsPerTask > 0) {
            Nd4j.getEnvironment().setMaxThreads(threadsPerTask);
            Nd4j.getEnvironment().setMaxMasterThreads(threadsPerTask);
        }
        TaskContext context = TaskContext.get();
        int partitionId = context == null ? 0 : context.partitionId();
        long start = System.nanoTime();
        NetworkImageClassifier network = model.value().load();
        double loadMillis = (System.nanoTime() - start) / 1e6;
        AuditWorker worker = new AuditWorker(model.value().scoring(network), options, network.name());

        List<LabelledImage> images = tasks.stream()
                .map(t -> new LabelledImage(Path.of(t.path()), t.trueClass(), t.trueIndex())).toList();
        List<ImageObservation> observations = new ArrayList<>(tasks.size());
        double[] classifyMillis = new double[tasks.size()];
        for (int from = 0; from < tasks.size(); from += options.batchSize()) {
            int to = Math.min(tasks.size(), from + options.batchSize());
            long t0 = System.nanoTime();
            observations.addAll(worker.observe(images.subList(from, to)));
            double share = (System.nanoTime() - t0) / 1e6 / (to - from);
            for (int i = from; i < to; i++) {
                classifyMillis[i] = share;
            }
        }
        List<Row> out = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            AuditTask task = tasks.get(i);
            ImageObservation observation = observations.get(i);
            ImageExplanation explanation = task.explain()
                    ? worker.explain(images.get(i), task.index(), AuditWorker.argMax(observation.probabilities())) : null;
            out.add(AuditRows.row(task, network.classNames(), observation, explanation, classifyMillis[i],
                    partitionId, loadMillis));
        }
        return out.iterator();
    }
}
