package dev.limelight.audit.compare;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.core.ImageClassifier;

/**
 * The Java entry point of model diffs, for training scripts that compare epochs or fine-tunes: the
 * same {@link Comparison} {@code limelight compare --model A --model-b B} writes.
 *
 * <pre>{@code
 * Comparison c = ModelComparison.of(previous, current, LabelledFolder.read(dir, current.classNames()),
 *         AuditOptions.builder().seed(0).build());
 * ComparisonReport.write(c, Path.of("out/compare"));
 * }</pre>
 */
public final class ModelComparison {

    /** Changed images explained under both models unless said otherwise. */
    public static final int DEFAULT_EXPLAINED = 20;

    private ModelComparison() {
    }

    /** @return the diff of two models over one labelled folder, explaining up to 20 changed images */
    public static Comparison of(ImageClassifier modelA, ImageClassifier modelB, LabelledFolder data,
                                AuditOptions options) {
        return of(modelA, modelB, data, options, DEFAULT_EXPLAINED);
    }

    /**
     * @param modelA  the first model (say the last epoch's)
     * @param modelB  the second
     * @param data    the labelled images
     * @param options batch size, seed, explanation settings
     * @param explain changed images (broken first) to explain under both models
     * @return the diff
     * @throws IllegalArgumentException when the models' class counts differ, the folder has no labels or
     *                                  no image decodes
     */
    public static Comparison of(ImageClassifier modelA, ImageClassifier modelB, LabelledFolder data,
                                AuditOptions options, int explain) {
        if (modelA.classCount() != modelB.classCount()) {
            throw new IllegalArgumentException("the models have different class counts: " + modelA.classCount()
                    + " and " + modelB.classCount());
        }
        return Comparison.models(ModelRun.of("A", modelA, data, options), ModelRun.of("B", modelB, data, options),
                explain, options);
    }
}
