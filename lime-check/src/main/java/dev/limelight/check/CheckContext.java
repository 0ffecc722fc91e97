package dev.limelight.check;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.AuditWorker;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.TagRules;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.Probabilities;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the checks of a suite share: the model, the folder's images that decode, their rows (the
 * audit's: prediction, probabilities, properties, tags) and the seed. Built once per run; every
 * image is classified once here, and checks that transform images score them in batches.
 */
public final class CheckContext {

    private final ImageClassifier classifier;
    private final LabelledFolder folder;
    private final List<AuditRow> rows;
    private final long seed;
    private final int batchSize;

    private CheckContext(ImageClassifier classifier, LabelledFolder folder, List<AuditRow> rows, long seed,
                         int batchSize) {
        this.classifier = classifier;
        this.folder = folder;
        this.rows = List.copyOf(rows);
        this.seed = seed;
        this.batchSize = batchSize;
    }

    /**
     * Classifies and profiles the folder's images that decode.
     *
     * @param classifier the model
     * @param given      the labelled images
     * @param userTags   tags by row path (may be empty)
     * @param seed       the seed of every random choice
     * @param batchSize  images per model call
     */
    public static CheckContext of(ImageClassifier classifier, LabelledFolder given, Map<String, List<String>> userTags,
                                  long seed, int batchSize) {
        Objects.requireNonNull(classifier, "classifier");
        LabelledFolder folder = given.decodable();
        AuditOptions options = AuditOptions.builder().batchSize(batchSize).seed(seed).build();
        List<ImageObservation> observations = new AuditWorker(classifier, options, "the model").observe(folder.images());
        List<AuditRow> rows = new ArrayList<>();
        for (AuditRow row : AuditResult.rows(folder, observations, Map.of(), TagRules.DEFAULTS)) {
            List<String> tags = new ArrayList<>(row.tags());
            userTags.getOrDefault(row.path(), List.of()).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
            rows.add(row.withTags(tags));
        }
        return new CheckContext(classifier, folder, rows, seed, batchSize);
    }

    /** @return the model */
    public ImageClassifier classifier() {
        return classifier;
    }

    /** @return the images that decode */
    public LabelledFolder folder() {
        return folder;
    }

    /** @return one row per image, in folder order */
    public List<AuditRow> rows() {
        return rows;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the indices of the rows in the cohort */
    public List<Integer> members(Cohort cohort) {
        return IntStream.range(0, rows.size()).filter(i -> cohort.contains(rows.get(i))).boxed().toList();
    }

    /** @return image {@code i} as decoded */
    public RasterImage image(int i) {
        return ImageFiles.read(folder.images().get(i).path());
    }

    /** @return the model's class index of a class name, or -1 */
    public int classIndex(String name) {
        return folder.classes().indexOf(name);
    }

    /**
     * Scores images, {@code batchSize} per model call.
     *
     * @return one probability row per image
     */
    public double[][] score(List<RasterImage> images) {
        double[][] out = new double[images.size()][];
        for (int from = 0; from < images.size(); from += batchSize) {
            int count = Math.min(batchSize, images.size() - from);
            INDArray batch = PhotoBatch.of(images.subList(from, from + count), classifier.input());
            double[][] rows = Probabilities.validRows(classifier.predict(batch), count, classifier.classCount(),
                    "the model");
            System.arraycopy(rows, 0, out, from, count);
            batch.close();
        }
        return out;
    }
}
