package dev.limelight.core;

import dev.limelight.core.sampling.SampleMatrix;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link ExplanationLoop.SampleScorer} that builds the perturbed inputs of a batch of sample rows
 * (texts, table rows), has the model score them, checks the outputs and reports progress, batch by
 * batch, so that only one batch of perturbed inputs exists at a time. It keeps the time spent
 * building and scoring the explanation's own samples (stage "score") apart from the trust measures'.
 *
 * @param <B> a batch of perturbed inputs
 */
public abstract class BatchedScorer<B> implements ExplanationLoop.SampleScorer {

    private final int batchSize;
    private final ProgressListener progress;
    private final OutputKind outputKind;
    private final int classes;
    private final String source;
    private long buildNanos;
    private long scoreNanos;

    /**
     * @param batchSize  rows per model call, at least 1
     * @param progress   told of every batch
     * @param outputKind what the model's outputs are (how they are checked)
     * @param classes    the model's output columns
     * @param source     the model, for messages about its outputs
     */
    protected BatchedScorer(int batchSize, ProgressListener progress, OutputKind outputKind, int classes,
                            String source) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.outputKind = Objects.requireNonNull(outputKind, "outputKind");
        this.classes = classes;
        this.source = source;
    }

    /**
     * @return the perturbed inputs of sample rows {@code [from, from + count)}
     */
    protected abstract B build(SampleMatrix samples, int from, int count, String stage);

    /** @return the model's outputs for a batch: one row per input */
    protected abstract INDArray predict(B batch);

    @Override
    public final void score(SampleMatrix samples, int from, int count, double[][] predictions, String stage,
                            long doneSoFar, long total) {
        for (int start = from; start < from + count; start += batchSize) {
            int size = Math.min(batchSize, from + count - start);
            long b0 = System.nanoTime();
            B batch = build(samples, start, size, stage);
            long b1 = System.nanoTime();
            double[][] rows = outputKind.validRows(predict(batch), size, classes, source);
            System.arraycopy(rows, 0, predictions, start, size);
            if (stage.equals("score")) {
                buildNanos += b1 - b0;
                scoreNanos += System.nanoTime() - b1;
            }
            progress.progress(stage, doneSoFar + (start + size - from), total);
        }
    }

    /** @return nanoseconds spent building the explanation's own samples */
    public long buildNanos() {
        return buildNanos;
    }

    /** @return nanoseconds the model spent scoring the explanation's own samples */
    public long scoreNanos() {
        return scoreNanos;
    }
}
