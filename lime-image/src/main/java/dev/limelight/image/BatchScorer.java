package dev.limelight.image;

import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ProgressListener;
import dev.limelight.core.sampling.SampleMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Streams rows of a sample matrix through the model one batch at a time: builds each batch with
 * the {@link MaskedBatchBuilder} into one reused buffer, scores it, checks the output is
 * probabilities, and keeps only the probabilities. Tracks the time spent building and scoring.
 * Not thread-safe; {@link #close()} releases the batch buffer.
 */
final class BatchScorer implements AutoCloseable {

    private final ImageClassifier classifier;
    private final MaskedBatchBuilder builder;
    private final int batchSize;
    private final ProgressListener progress;
    private final String source;
    private INDArray reusable;
    private long buildNanos;
    private long scoreNanos;

    BatchScorer(ImageClassifier classifier, MaskedBatchBuilder builder, int batchSize, ProgressListener progress) {
        this.classifier = classifier;
        this.builder = builder;
        this.batchSize = batchSize;
        this.progress = progress;
        this.source = "the classifier " + classifier;
    }

    /**
     * Scores rows {@code [from, from + count)} into {@code predictions[from ..]}.
     *
     * @param stage     reported to the progress listener
     * @param doneSoFar units finished before this call, for the progress listener
     * @param total     units in all, for the progress listener
     */
    void score(SampleMatrix samples, int from, int count, double[][] predictions, String stage, long doneSoFar,
               long total) {
        int classes = classifier.classCount();
        for (int start = from; start < from + count; start += batchSize) {
            int size = Math.min(batchSize, from + count - start);
            long b0 = System.nanoTime();
            INDArray batch;
            if (size == batchSize && reusable != null) {
                builder.buildInto(samples, start, reusable);
                batch = reusable;
            } else {
                batch = builder.build(samples, start, size);
                if (size == batchSize) {
                    reusable = batch;
                }
            }
            long b1 = System.nanoTime();
            INDArray output = classifier.predict(batch);
            double[][] rows = classifier.outputKind().validRows(output, size, classes, source);
            System.arraycopy(rows, 0, predictions, start, size);
            if (batch != reusable) {
                batch.close();
            }
            buildNanos += b1 - b0;
            scoreNanos += System.nanoTime() - b1;
            progress.progress(stage, doneSoFar + (start + size - from), total);
        }
    }

    long buildNanos() {
        return buildNanos;
    }

    long scoreNanos() {
        return scoreNanos;
    }

    @Override
    public void close() {
        if (reusable != null) {
            reusable.close();
            reusable = null;
        }
    }
}
