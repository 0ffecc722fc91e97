package dev.limelight.image;

import dev.limelight.core.CosineDistance;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.core.KLasso;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.Neighbourhood;
import dev.limelight.core.Probabilities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
     * @throws IllegalArgumentException if a requested label is out of the model's range, or the image
     *                                  has a single segment
     * @throws IllegalStateException    if the model returns something other than probabilities
     */
    public ImageExplanation explain(RasterImage photo, ImageClassifier classifier) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(classifier, "classifier");
        ImageInput input = classifier.input();
        int classes = classifier.classCount();
        int[] requested = options.labels();
        if (requested != null) {
            for (int label : requested) {
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException("label " + label + " is out of range: the model has " + classes
                            + " classes (0.." + (classes - 1) + ")");
                }
            }
        }

        long t0 = System.nanoTime();
        RasterImage image = ImageResizer.resize(photo, input.width(), input.height()).withChannels(input.channels());
        long t1 = System.nanoTime();
        Segmentation segmentation = options.segmenter().segment(image);
        if (segmentation.segmentCount() < 2) {
            throw new IllegalArgumentException("the segmenter " + options.segmenter() + " found a single segment in "
                    + image + ": nothing to explain; ask for more segments");
        }
        long t2 = System.nanoTime();

        int n = options.samples();
        SampleMatrix samples = SampleMatrix.draw(n, segmentation.segmentCount(), options.seed());
        RasterImage fill = options.hideMode().fill(image, segmentation);
        MaskedBatchBuilder builder = MaskedBatchBuilder.forActiveBackend(image, fill, segmentation, input.layout());
        double[][] predictions = new double[n][];
        long maskNanos = System.nanoTime() - t2;
        long scoreNanos = 0;
        String source = "the classifier " + classifier;
        INDArray reusable = null;
        for (int from = 0; from < n; from += options.batchSize()) {
            int count = Math.min(options.batchSize(), n - from);
            long b0 = System.nanoTime();
            INDArray batch;
            if (count == options.batchSize() && reusable != null) {
                builder.buildInto(samples, from, reusable);
                batch = reusable;
            } else {
                batch = builder.build(samples, from, count);
                if (count == options.batchSize()) {
                    reusable = batch;
                }
            }
            long b1 = System.nanoTime();
            INDArray output = classifier.predict(batch);
            Probabilities.requireValid(output, count, classes, source);
            double[][] rows = output.castTo(DataType.DOUBLE).toDoubleMatrix();
            System.arraycopy(rows, 0, predictions, from, count);
            if (batch != reusable) {
                batch.close();
            }
            long b2 = System.nanoTime();
            maskNanos += b1 - b0;
            scoreNanos += b2 - b1;
            options.progress().progress("score", from + count, n);
        }
        if (reusable != null) {
            reusable.close();
        }

        long f0 = System.nanoTime();
        int[] labels = requested != null ? requested : topLabels(predictions[0], options.topLabels());
        INDArray z = samples.toDoubleMatrix();
        Neighbourhood neighbourhood = Neighbourhood.of(z, org.nd4j.linalg.factory.Nd4j.createFromArray(predictions),
                org.nd4j.linalg.factory.Nd4j.createFromArray(CosineDistance.toOriginal(z, CosineDistance.IMAGE_SCALE)));
        KLasso klasso = new KLasso(KLassoOptions.builder()
                .kernelWidth(options.kernelWidth())
                .featureSelection(options.featureSelection())
                .numFeatures(options.numFeatures())
                .build());
        List<LocalExplanation> fits = klasso.explain(neighbourhood, labels);
        List<String> names = classifier.classNames();
        List<LabelExplanation> explained = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            String name = label < names.size() ? names.get(label) : "class " + label;
            explained.add(new LabelExplanation(label, name, predictions[0][label], fits.get(i)));
        }
        long f1 = System.nanoTime();

        StageTimings timings = new StageTimings((t1 - t0) / 1e6, (t2 - t1) / 1e6, maskNanos / 1e6, scoreNanos / 1e6,
                (f1 - f0) / 1e6);
        return new ImageExplanation(image, segmentation, explained, options.seed(), n, options, timings);
    }

    /** The {@code k} labels of highest probability, most probable first (ties to the lower index). */
    static int[] topLabels(double[] probabilities, int k) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                .limit(Math.min(k, probabilities.length))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    @Override
    public String toString() {
        return "ImageExplainer[" + options + "]";
    }
}
