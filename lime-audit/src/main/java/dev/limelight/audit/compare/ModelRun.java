package dev.limelight.audit.compare;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.AuditWorker;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.core.ImageClassifier;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model's answers on one folder: the audit's rows (prediction, probabilities, properties, tags)
 * and observations (with the penultimate-layer embeddings when the model gives them), what a model
 * diff and a drift test compare.
 *
 * @param modelName    how reports name the model
 * @param classifier   the model, or null for rows read from a saved audit
 * @param folder       the images that decode (and those skipped)
 * @param rows         one row per image, in folder order
 * @param observations one observation per image, in folder order
 */
public record ModelRun(String modelName, ImageClassifier classifier, LabelledFolder folder, List<AuditRow> rows,
                       List<ImageObservation> observations) {

    /** Copies the lists. */
    public ModelRun {
        Objects.requireNonNull(modelName, "modelName");
        rows = List.copyOf(rows);
        observations = List.copyOf(observations);
        if (rows.size() != observations.size() || rows.size() != folder.images().size()) {
            throw new IllegalArgumentException(rows.size() + " rows, " + observations.size() + " observations, "
                    + folder.images().size() + " images");
        }
    }

    /**
     * Classifies and profiles the folder's images that decode.
     *
     * @param modelName  the model's name
     * @param classifier the model
     * @param folder     a labelled folder, or a flat one without labels
     * @param options    batch size, seed, tag rules, progress
     * @return the run
     * @throws IllegalArgumentException when no image decodes
     */
    public static ModelRun of(String modelName, ImageClassifier classifier, LabelledFolder folder,
                              AuditOptions options) {
        LabelledFolder decodable = folder.decodable();
        List<ImageObservation> observations = new AuditWorker(classifier, options, modelName)
                .observe(decodable.images());
        List<AuditRow> rows = AuditResult.rows(decodable, observations, Map.of(), options.tagRules());
        return new ModelRun(modelName, classifier, decodable, rows, observations);
    }

    /** @return whether every image has a label */
    public boolean labelled() {
        return folder.labelled();
    }
}
