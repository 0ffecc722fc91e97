package dev.limelight.audit.compare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.limelight.audit.AuditOptions;
import dev.limelight.core.ExplainedOutput;
import java.util.List;
import java.util.Map;

/**
 * What {@code limelight compare} finds, as compare.json holds it: a model diff over the same images,
 * data drift between two folders, or both sides of an unpaired comparison (model A on the reference
 * images, model B on the new ones).
 *
 * @param modelA      model A's metrics (on the reference images), or null without labels
 * @param modelB      model B's metrics (for drift alone: model A's on the new images), or null without labels
 * @param differences B minus A per metric, with intervals (paired diff only)
 * @param changed     the images that changed (paired diff only)
 * @param mcnemar     McNemar's test (paired diff only)
 * @param cohorts     the changes per cohort (paired diff only)
 * @param evidence    how the explanations of changed images moved (paired diff only)
 * @param evidencePick SP-LIME over the moved explanations: the images that show most of the change
 *                     and each grid cell's importance of change (paired diff with explanations only)
 * @param drift       by quantity, the two-sample test of reference against new images (drift only)
 * @param leastLike   the new images least like the reference (drift only)
 * @param skipped     images of either folder that could not be decoded, with the reason
 * @param runs        the two runs compared (not written)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(ModelDiff.Metrics modelA, ModelDiff.Metrics modelB, List<ModelDiff.Difference> differences,
                         ModelDiff.Changed changed, McNemar mcnemar, List<ModelDiff.CohortChange> cohorts,
                         List<ModelDiff.EvidenceShift> evidence, ModelDiff.EvidencePick evidencePick,
                         Map<String, DriftTest> drift,
                         List<DataDrift.Outlier> leastLike, List<Skipped> skipped, @JsonIgnore List<ModelRun> runs) {

    /**
     * @param path   the file, relative to its folder
     * @param reason why it was left out
     */
    public record Skipped(String path, String reason) {
    }

    /** @return the diff of two models over the same labelled images */
    public static Comparison models(ModelRun a, ModelRun b, int explain, AuditOptions options) {
        ModelDiff diff = ModelDiff.of(a, b, explain, options);
        return new Comparison(diff.modelA(), diff.modelB(), diff.differences(), diff.changed(), diff.mcnemar(),
                diff.cohorts(), diff.evidence(), diff.evidencePick(), null, null, skipped(a, b), List.of(a, b));
    }

    /**
     * The drift from the reference images to the new ones, seen through one model (or, unpaired, each
     * folder through its own model: then the embedding test is left out, the two models' activations
     * not being comparable).
     */
    public static Comparison drift(ModelRun reference, ModelRun current, long seed) {
        boolean sameModel = reference.classifier() == current.classifier();
        DataDrift drift = DataDrift.of(reference, current, seed);
        Map<String, DriftTest> tests = new java.util.LinkedHashMap<>(drift.tests());
        if (!sameModel) {
            tests.remove("embedding");
        }
        return new Comparison(metrics(reference), metrics(current), null, null, null, null, null, null, tests,
                drift.leastLike(), skipped(reference, current), List.of(reference, current));
    }

    static ModelDiff.Metrics metrics(ModelRun run) {
        return run.labelled() ? ModelDiff.metrics(run.modelName(), run.rows(), run.folder().classes()) : null;
    }

    private static List<Skipped> skipped(ModelRun a, ModelRun b) {
        java.util.ArrayList<Skipped> out = new java.util.ArrayList<>();
        for (ModelRun run : a.folder().root().equals(b.folder().root()) ? List.of(a) : List.of(a, b)) {
            run.folder().skipped().forEach(s -> out.add(new Skipped(run.folder().relativePath(s.path()), s.reason())));
        }
        return out;
    }

    /**
     * @return per model ({@code a}, {@code b}), the probabilities it was measured by: as they are, or
     *         calibrated at a temperature and from where; null when the runs are saved audits
     */
    @JsonProperty("calibration")
    public Map<String, ExplainedOutput> calibration() {
        if (runs.stream().anyMatch(r -> r.classifier() == null)) {
            return null;
        }
        Map<String, ExplainedOutput> outputs = new java.util.LinkedHashMap<>();
        outputs.put("a", runs.get(0).classifier().explainedOutput());
        outputs.put("b", runs.get(1).classifier().explainedOutput());
        return outputs;
    }

    /** @return the smallest p-value of the drift tests, or 1 without drift */
    public double smallestDriftPValue() {
        return drift == null ? 1 : drift.values().stream().mapToDouble(DriftTest::pValue).min().orElse(1);
    }
}
