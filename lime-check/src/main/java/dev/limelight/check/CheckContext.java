package dev.limelight.check;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.AuditWorker;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.LabelledImage;
import dev.limelight.audit.TagRules;
import dev.limelight.audit.compare.ModelRun;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.Probabilities;
import dev.limelight.core.ProgressListener;
import dev.limelight.image.HideMode;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SegmenterKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the checks of a suite share: the model (counting its calls), the folder's images that decode
 * (each decoded once while they fit in memory), their rows (the audit's: prediction, probabilities,
 * properties, tags), the explanations already made, the seed and the progress listener. Built once
 * per run; every image is classified once here, and checks that transform images score them in
 * batches.
 */
public final class CheckContext {

    /** The most explanations kept for reuse by later checks. */
    private static final int KEPT_EXPLANATIONS = 2048;

    private final ImageClassifier model;
    private final CountingClassifier classifier;
    private final LabelledFolder folder;
    private final List<AuditRow> rows;
    private final List<ImageObservation> observations;
    private final long seed;
    private final int batchSize;
    private final DecodedImages images;
    private final ProgressListener progress;
    private final Map<ExplanationKey, ImageExplanation> explanations = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ExplanationKey, ImageExplanation> eldest) {
            return size() > KEPT_EXPLANATIONS;
        }
    };

    private CheckContext(ImageClassifier model, CountingClassifier classifier, LabelledFolder folder,
                         List<AuditRow> rows, List<ImageObservation> observations, long seed, int batchSize,
                         DecodedImages images, ProgressListener progress) {
        this.model = model;
        this.classifier = classifier;
        this.folder = folder;
        this.rows = List.copyOf(rows);
        this.observations = List.copyOf(observations);
        this.seed = seed;
        this.batchSize = batchSize;
        this.images = images;
        this.progress = progress;
    }

    /**
     * Classifies and profiles the folder's images that decode; those that do not are kept in the
     * folder's {@link LabelledFolder#skipped()} list with the reason.
     *
     * @param classifier the model
     * @param given      the images: a labelled folder, or a flat one without labels
     * @param userTags   tags by row path (may be empty)
     * @param seed       the seed of every random choice
     * @param batchSize  images per model call
     * @param progress   told how far classifying (stage {@code classify}) and each check have got
     * @throws IllegalArgumentException when no image decodes
     */
    public static CheckContext of(ImageClassifier classifier, LabelledFolder given, Map<String, List<String>> userTags,
                                  long seed, int batchSize, ProgressListener progress) {
        Objects.requireNonNull(classifier, "classifier");
        CountingClassifier counted = new CountingClassifier(classifier);
        DecodedImages images = new DecodedImages(DecodedImages.DEFAULT_BUDGET);
        LabelledFolder folder = given.decodable(images::get);
        List<LabelledImage> kept = folder.images();
        AuditWorker worker = new AuditWorker(counted, AuditOptions.builder().batchSize(batchSize).seed(seed).build(),
                "the model");
        List<ImageObservation> observations = new ArrayList<>(kept.size());
        int chunk = batchSize * 4;
        for (int from = 0; from < kept.size(); from += chunk) {
            observations.addAll(worker.observe(kept.subList(from, Math.min(kept.size(), from + chunk)),
                    path -> images.get(path)));
            progress.progress("classify", observations.size(), kept.size());
        }
        List<AuditRow> rows = new ArrayList<>();
        for (AuditRow row : AuditResult.rows(folder, observations, Map.of(), TagRules.DEFAULTS)) {
            List<String> tags = new ArrayList<>(row.tags());
            userTags.getOrDefault(row.path(), List.of()).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
            rows.add(row.withTags(tags));
        }
        return new CheckContext(classifier, counted, folder, rows, observations, seed, batchSize, images, progress);
    }

    /** As {@link #of(ImageClassifier, LabelledFolder, Map, long, int, ProgressListener)}, without progress. */
    public static CheckContext of(ImageClassifier classifier, LabelledFolder given, Map<String, List<String>> userTags,
                                  long seed, int batchSize) {
        return of(classifier, given, userTags, seed, batchSize, ProgressListener.NONE);
    }

    /** @return the model (its calls counted) */
    public ImageClassifier classifier() {
        return classifier;
    }

    /** @return the model as given (without the call counting) */
    public ImageClassifier model() {
        return model;
    }

    /** @return the run of the model over the images, as a model diff compares it */
    public ModelRun run(String modelName) {
        return new ModelRun(modelName, classifier, folder, rows, observations);
    }

    /** @return the batch size */
    public int batchSize() {
        return batchSize;
    }

    /** @return the images that decode, and those skipped */
    public LabelledFolder folder() {
        return folder;
    }

    /** @return whether the images have labels (false for a flat folder) */
    public boolean labelled() {
        return folder.labelled();
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
        var selection = cohort.compile();
        return IntStream.range(0, rows.size()).filter(i -> selection.test(rows.get(i))).boxed().toList();
    }

    /** @return image {@code i} as decoded */
    public RasterImage image(int i) {
        return images.get(folder.images().get(i).path());
    }

    /**
     * @return the random source of whatever a check draws for image {@code i} (noise, a patch's
     *         place): seeded by the run's seed and the image, so every check draws the same
     */
    public SplittableRandom random(int i) {
        return new SplittableRandom(seed * 1_000_003L + i);
    }

    /** @return the model's class index of a class name, or -1 */
    public int classIndex(String name) {
        return folder.classes().indexOf(name);
    }

    /** @return the class index the model predicts for image {@code i} */
    public int predicted(int i) {
        return classIndex(rows.get(i).predicted());
    }

    /** @return model calls made so far through this context */
    public long modelCalls() {
        return classifier.calls();
    }

    /** @return images scored so far through this context (every perturbed sample counts) */
    public long imagesScored() {
        return classifier.images();
    }

    /** @return times an image file was decoded so far */
    public long decodes() {
        return images.decodes();
    }

    /** Tells the run's listener how far a check has got. */
    public void progress(String stage, long done, long total) {
        progress.progress(stage, done, total);
    }

    /**
     * Scores images, {@code batchSize} per model call.
     *
     * @return one probability row per image
     */
    public double[][] score(List<RasterImage> batchImages) {
        double[][] out = new double[batchImages.size()][];
        for (int from = 0; from < batchImages.size(); from += batchSize) {
            int count = Math.min(batchSize, batchImages.size() - from);
            INDArray batch = PhotoBatch.of(batchImages.subList(from, from + count), classifier.input());
            double[][] scored = Probabilities.validRows(classifier.predict(batch), count, classifier.classCount(),
                    "the model");
            System.arraycopy(scored, 0, out, from, count);
            batch.close();
        }
        return out;
    }

    /**
     * Explains the prediction of image {@code i} (its predicted class) with LIME on a grid, hidden
     * cells black, seeded by the run's seed plus {@code i} plus {@code seedOffset}. An explanation with
     * the same settings made for an earlier check is reused.
     *
     * @param i        the image
     * @param settings samples, grid and trust measures
     * @return the explanation
     */
    public ImageExplanation explain(int i, ExplanationSettings settings) {
        ExplanationKey key = new ExplanationKey(i, settings);
        ImageExplanation known = explanations.get(key);
        if (known != null) {
            return known;
        }
        ImageExplainerOptions.Builder options = ImageExplainerOptions.builder().samples(settings.samples())
                .segmenter(SegmenterKind.GRID.create(settings.grid())).hideMode(HideMode.parse("0,0,0"))
                .labels(predicted(i)).batchSize(batchSize).seed(seed + i + settings.seedOffset())
                .counterfactual(settings.counterfactual());
        if (settings.stabilityRuns() > 1) {
            options.stability(settings.stabilityRuns(), settings.topK());
        }
        ImageExplanation made = new ImageExplainer(options.build()).explain(image(i), classifier);
        explanations.put(key, made);
        return made;
    }

    /**
     * How a check wants its images explained.
     *
     * @param samples        LIME samples per explanation
     * @param grid           grid cells per image
     * @param seedOffset     added to each image's seed
     * @param stabilityRuns  seeds to explain with for the stability report (1: none)
     * @param topK           the top features compared across seeds
     * @param counterfactual whether to search the strongest cells whose hiding flips the prediction
     */
    public record ExplanationSettings(int samples, int grid, long seedOffset, int stabilityRuns, int topK,
                                      boolean counterfactual) {

        /** @return plain explanations: {@code samples} samples on a {@code grid}-cell grid */
        public static ExplanationSettings plain(int samples, int grid) {
            return new ExplanationSettings(samples, grid, 0, 1, 1, false);
        }
    }

    private record ExplanationKey(int image, ExplanationSettings settings) {
    }
}
