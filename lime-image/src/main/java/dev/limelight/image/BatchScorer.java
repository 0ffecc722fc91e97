package dev.limelight.image;

import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageLayout;
import dev.limelight.core.PreprocessedInput;
import dev.limelight.core.ProgressListener;
import dev.limelight.core.sampling.SampleMatrix;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Streams rows of a sample matrix through the model one batch at a time: builds each batch with
 * the {@link MaskedBatchBuilder} into one reused buffer, scores it, checks the output is
 * probabilities, and keeps only the probabilities. Tracks the time spent building and scoring.
 * Not thread-safe; {@link #close()} releases the batch buffer.
 */
final class BatchScorer implements AutoCloseable {

    private final ImageClassifier classifier;
    private final MaskedBatchBuilder builder;
    private final UnaryOperator<INDArray> model;
    private final int batchSize;
    private final ProgressListener progress;
    private final String source;
    private INDArray reusable;
    private long buildNanos;
    private long scoreNanos;

    private BatchScorer(ImageClassifier classifier, MaskedBatchBuilder builder, UnaryOperator<INDArray> model,
                        int batchSize, ProgressListener progress) {
        this.classifier = classifier;
        this.builder = builder;
        this.model = model;
        this.batchSize = batchSize;
        this.progress = progress;
        this.source = "the classifier " + classifier;
    }

    /**
     * Scores masked versions of an image. On the CPU backend, a classifier that can separate its
     * preprocessing ({@link ImageClassifier#preprocessedInput()}) has the image and the fill
     * preprocessed once and scores batches of preprocessed pixels (the same outputs, one pass over
     * each batch fewer); otherwise batches of [0, 255] pixels go to {@link ImageClassifier#predict}.
     */
    static BatchScorer of(ImageClassifier classifier, RasterImage image, RasterImage fill, Segmentation segmentation,
                          int batchSize, ProgressListener progress) {
        ImageLayout layout = classifier.input().layout();
        Optional<PreprocessedInput> preprocessed = Nd4j.getEnvironment().isCPU()
                ? classifier.preprocessedInput() : Optional.empty();
        if (preprocessed.isPresent()) {
            return new BatchScorer(classifier, MaskedBatchBuilder.directPreprocessed(image, fill, segmentation, layout,
                    preprocessed.get()), preprocessed.get()::predictPreprocessed, batchSize, progress);
        }
        return new BatchScorer(classifier, MaskedBatchBuilder.forActiveBackend(image, fill, segmentation, layout),
                classifier::predict, batchSize, progress);
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
            INDArray output = model.apply(batch);
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
