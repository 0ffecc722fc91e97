package dev.limelight.image;

import dev.limelight.core.CosineDistance;
import dev.limelight.core.SampleDistance;
import dev.limelight.core.ExplanationLoop;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.core.StageTimings;
import dev.limelight.core.sampling.SampleMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * LIME for images (Ribeiro, Singh and Guestrin, KDD 2016, section 3.3 and 6): which superpixels of
 * a photo made an image classifier predict a label.
 *
 * <p>The photo is resized to the model's input (see {@link ImageResizer}) and segmented; N samples
 * keep each segment with probability 1/2 (row 0 keeps all); the perturbed images are built chunk by
 * chunk as model batches by a {@link MaskedBatchBuilder} into one reused batch (never all at once,
 * so memory stays bounded for any N) and scored; a K-Lasso fit on the 0/1 sample matrix, weighted by the cosine distance to
 * the original, gives each segment's weight per label.
 *
 * <p>How it differs from the reference {@code lime_image}: the perturbed images are built as whole
 * batches without a per-sample copy of the image; segment labels always run 0..S-1 (the reference
 * never hides one SLIC segment); runs are repeatable from the seed; the model's output is checked
 * (finite, non-negative, rows summing to 1); hidden segments can also show a blurred image.
 */
public final class ImageExplainer {

    /** The smallest photo side explained: 8 pixels (smaller images hold too little to segment). */
    public static final int MIN_SIDE = 8;

    private final ImageExplainerOptions options;

    /** @param options the explanation options */
    public ImageExplainer(ImageExplainerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return an explainer with the default options */
    public static ImageExplainer withDefaults() {
        return new ImageExplainer(ImageExplainerOptions.defaults());
    }

    /** @return the options */
    public ImageExplainerOptions options() {
        return options;
    }

    /**
     * Explains the classifier's prediction on a photo.
     *
     * @param photo      any size, gray or RGB
     * @param classifier the model
     * @return the explanation of the top labels, or of the labels in the options
     * @throws IllegalArgumentException if a requested label is out of the model's range, the photo is
     *                                  smaller than {@link #MIN_SIDE} on a side, or the image has a
     *                                  single segment
     * @throws IllegalStateException    if the model returns something other than probabilities
     */
    public ImageExplanation explain(RasterImage photo, ImageClassifier classifier) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(classifier, "classifier");
        ImageInput input = classifier.input();
        int classes = classifier.classCount();
        options.labelChoice().requireWithin(classes);

        if (photo.width() < MIN_SIDE || photo.height() < MIN_SIDE) {
            throw new IllegalArgumentException("the image is " + photo.width() + " x " + photo.height()
                    + " pixels: too small to explain (at least " + MIN_SIDE + " x " + MIN_SIDE + ")");
        }
        long t0 = System.nanoTime();
        RasterImage image = ImageResizer.resize(photo, input.width(), input.height()).withChannels(input.channels());
        long t1 = System.nanoTime();
        Segmentation segmentation;
        try {
            segmentation = options.segmenter().segment(image);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the segmenter " + options.segmenter() + " cannot segment " + image
                    + " (" + e.getMessage() + "): ask for fewer segments or another segmenter", e);
        }
        if (segmentation.segmentCount() < 2) {
            throw new IllegalArgumentException("the segmenter " + options.segmenter() + " found a single segment in "
                    + image + ": nothing to explain; ask for more segments");
        }
        long t2 = System.nanoTime();

        RasterImage fill = options.hideMode().fill(image, segmentation);
        try (BatchScorer scorer = BatchScorer.of(classifier, image, fill, segmentation, options.batchSize(),
                options.progress())) {
            long preparedAt = System.nanoTime();
            SegmentScorer segments = new SegmentScorer(scorer);
            ExplanationLoop.Result result = new ExplanationLoop(options.loop()).run(
                    new ExplanationLoop.InterpretableInput(segmentation.segmentCount(),
                            SampleDistance.cosine(CosineDistance.IMAGE_SCALE),
                            classifier.outputKind(), segments), options.labelChoice());
            List<String> names = classifier.classNames();
            List<LabelExplanation> explained = new ArrayList<>(result.labels().length);
            for (int i = 0; i < result.labels().length; i++) {
                int label = result.labels()[i];
                String name = label < names.size() ? names.get(label) : "class " + label;
                explained.add(new LabelExplanation(label, name, result.original()[label], result.fits().get(i),
                        result.trust().get(i)));
            }
            StageTimings timings = StageTimings.builder()
                    .stage("prepare", (t1 - t0) / 1e6)
                    .stage("segment", (t2 - t1) / 1e6)
                    .stage("masks", (preparedAt - t2 + segments.samplesBuildNanos) / 1e6)
                    .stage("score", segments.samplesScoreNanos / 1e6)
                    .stage("fit", result.fitMillis())
                    .stage("trust", result.trustMillis())
                    .build();
            return new ImageExplanation(image, segmentation, explained, options.seed(), result.used(), options, timings,
                    result.sampling(), new ImageExplanation.ModelAnswer(classifier.outputKind(), names,
                            result.original(), classifier.explainedOutput()));
        }
    }

    /**
     * Rows of the sample matrix as masked images (segments are the features), scored in batches. Keeps the time spent on the explanation's own samples
     * (stage "score") apart from the trust measures'.
     */
    private static final class SegmentScorer implements ExplanationLoop.SampleScorer {

        private final BatchScorer scorer;
        private long samplesBuildNanos;
        private long samplesScoreNanos;

        SegmentScorer(BatchScorer scorer) {
            this.scorer = scorer;
        }

        @Override
        public void score(SampleMatrix samples, int from, int count, double[][] predictions, String stage,
                          long doneSoFar, long total) {
            long build = scorer.buildNanos();
            long score = scorer.scoreNanos();
            scorer.score(samples, from, count, predictions, stage, doneSoFar, total);
            if (stage.equals("score")) {
                samplesBuildNanos += scorer.buildNanos() - build;
                samplesScoreNanos += scorer.scoreNanos() - score;
            }
        }
    }


    @Override
    public String toString() {
        return "ImageExplainer[" + options + "]";
    }
}
