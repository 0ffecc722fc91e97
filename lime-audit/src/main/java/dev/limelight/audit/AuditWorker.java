package dev.limelight.audit;

import dev.limelight.core.FeatureSelection;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageEmbedder;
import dev.limelight.core.Probabilities;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SegmenterKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The per-image work of an audit, shared by the single-JVM {@link ImageAudit} and the Spark audit so
 * that both classify and explain an image in exactly the same way: classification in batches of
 * {@link AuditOptions#batchSize()}, and the explanation of image {@code i}'s predicted class on the
 * shared grid, seeded with {@code seed + i}. An explanation therefore depends on the image, its
 * index and the options, never on which machine or partition made it.
 */
public final class AuditWorker {

    private final ImageClassifier classifier;
    private final AuditOptions options;
    private final String modelName;

    /**
     * @param classifier the model (one worker per model instance: models are not shared between threads)
     * @param options    the audit options
     * @param modelName  the model's name, for error messages
     */
    public AuditWorker(ImageClassifier classifier, AuditOptions options, String modelName) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.options = Objects.requireNonNull(options, "options");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
    }

    /**
     * The explainer options of an audit explanation: {@code samples} per explanation on a grid of
     * {@code gridCells}, K cells kept (the reference's auto selection), the audit's hide mode and
     * batch size, the given labels (the predicted class, and the true one for a mistake), seed
     * {@code seed + imageIndex}, and stability over R seeds when asked.
     */
    public static ImageExplainerOptions explainerOptions(AuditOptions options, int imageIndex, int... labels) {
        ImageExplainerOptions.Builder b = ImageExplainerOptions.builder()
                .samples(options.samples())
                .batchSize(options.batchSize())
                .segmenter(SegmenterKind.GRID.create(options.gridCells()))
                .featureSelection(FeatureSelection.AUTO)
                .numFeatures(options.cellsPerExplanation())
                .hideMode(options.hideMode())
                .labels(labels)
                .seed(options.seed() + imageIndex);
        if (options.stabilityRuns() > 1) {
            b.stability(options.stabilityRuns(), options.cellsPerExplanation());
        }
        return b.build();
    }

    /**
     * Classifies images, {@link AuditOptions#batchSize()} per model call, and measures each image's
     * properties and thumbnail from the same decode.
     *
     * @return one observation per image, in the given order
     * @throws IllegalArgumentException if an image cannot be read or the model's output is not a
     *                                  probability row per image
     */
    public List<ImageObservation> observe(List<LabelledImage> images) {
        return observe(images, ImageFiles::read);
    }

    /**
     * {@link #observe(List)} with the images decoded by {@code decoder} (a cache, say).
     *
     * @param images  the images
     * @param decoder decodes an image file
     * @return one observation per image, in the given order
     */
    public List<ImageObservation> observe(List<LabelledImage> images, Function<Path, RasterImage> decoder) {
        int n = images.size();
        List<ImageObservation> observations = new ArrayList<>(n);
        for (int from = 0; from < n; from += options.batchSize()) {
            int count = Math.min(options.batchSize(), n - from);
            List<RasterImage> photos = new ArrayList<>(count);
            for (int i = from; i < from + count; i++) {
                photos.add(decoder.apply(images.get(i).path()));
            }
            INDArray batch = PhotoBatch.of(photos, classifier.input());
            Optional<ImageEmbedder> embedder = options.embeddings() ? classifier.embedder() : Optional.empty();
            INDArray output;
            float[][] embeddings = null;
            if (embedder.isPresent()) {
                ImageEmbedder.Embedded both = embedder.get().predictAndEmbed(batch);
                output = both.outputs();
                embeddings = both.embeddings().castTo(DataType.FLOAT).toFloatMatrix();
                closeIfOwned(both.embeddings());
            } else {
                output = classifier.predict(batch);
            }
            double[][] rows = Probabilities.validRows(output, count, classifier.classCount(),
                    "the classifier " + modelName);
            closeIfOwned(output);
            batch.close();
            for (int i = 0; i < count; i++) {
                RasterImage photo = photos.get(i);
                observations.add(new ImageObservation(rows[i], ImageProperties.of(photo), Thumbnail.of(photo),
                        Preview.png(photo), embeddings == null ? null : embeddings[i]));
            }
        }
        return observations;
    }

    /**
     * Frees an array's off-heap memory now rather than when the garbage collector finds it: the
     * classifying pass makes a few per batch, and left to the collector they pile up outside the
     * Java heap over a long audit.
     */
    private static void closeIfOwned(INDArray array) {
        if (array.closeable()) {
            array.close();
        }
    }

    /**
     * Explains the predicted class of the image with index {@code imageIndex} and, when the
     * prediction is a mistake, its true class beside it, from the same samples.
     */
    public ImageExplanation explain(LabelledImage image, int imageIndex, int predicted) {
        int[] labels = predicted == image.classIndex() ? new int[] {predicted}
                : new int[] {predicted, image.classIndex()};
        return new ImageExplainer(explainerOptions(options, imageIndex, labels))
                .explain(ImageFiles.read(image.path()), classifier);
    }

    /**
     * The most confident mistakes an audit explains besides its sample: up to
     * {@link AuditOptions#mistakes()} wrong predictions, most confident first, that the sample does
     * not hold. Decided from the probabilities alone, so every engine explains the same images.
     *
     * @param folder        the audited images
     * @param probabilities one row per image
     * @param sample        the images the sample explains
     * @return their indices, most confident first
     */
    public static List<Integer> mistakesToExplain(LabelledFolder folder, double[][] probabilities,
                                                  Collection<Integer> sample, AuditOptions options) {
        List<Integer> mistakes = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            if (argMax(probabilities[i]) != folder.images().get(i).classIndex() && !sample.contains(i)) {
                mistakes.add(i);
            }
        }
        mistakes.sort(Comparator.comparingDouble((Integer i) -> -probabilities[i][argMax(probabilities[i])])
                .thenComparing(Comparator.naturalOrder()));
        return List.copyOf(mistakes.subList(0, Math.min(options.mistakes(), mistakes.size())));
    }

    /** @return the index of the largest probability (the first on ties) */
    public static int argMax(double[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
