package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.compare.Comparison;
import dev.limelight.audit.compare.FailOn;
import dev.limelight.audit.compare.ModelRun;
import dev.limelight.core.ImageClassifier;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model must not be worse than a baseline (the model shipped before, say): both classify the
 * suite's images and are compared as {@code limelight compare} does (fixed and broken images,
 * McNemar's test, accuracy); the check fails when a {@code failOn} rule holds (the rules of
 * {@code compare --fail-on}: {@code broken}, {@code fixed}, {@code accuracy-drop}). The baseline is
 * read with the model's preprocessing, class names and input size. Needs labelled images.
 *
 * @param name     the check's name
 * @param baseline the baseline model file (Keras HDF5 or DL4J zip; relative to the working directory)
 * @param failOn   the rules that fail the check (default {@code "broken > 0"})
 */
public record NoRegressionCheck(String name, String baseline, String failOn) implements Check {

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public NoRegressionCheck {
        Objects.requireNonNull(name, "name");
        if (baseline == null || !Files.isRegularFile(Path.of(baseline))) {
            throw new IllegalArgumentException("a no-regression check needs the 'baseline' model file; not found: "
                    + baseline);
        }
        failOn = failOn == null ? "broken > 0" : failOn;
        if (FailOn.parse(failOn).rules().stream().anyMatch(r -> r.name().equals("drift-pvalue"))) {
            throw new IllegalArgumentException("drift-pvalue is a rule of data drift, not of a model diff");
        }
    }

    @Override
    @JsonIgnore
    public String type() {
        return "no-regression";
    }

    @Override
    public boolean needsLabels() {
        return true;
    }

    @Override
    public CheckResult run(CheckContext context) {
        ImageClassifier model = context.model();
        ModelOptions.Builder options = ModelOptions.builder().classNames(context.folder().classes())
                .inputSize(model.input().height(), model.input().width());
        if (model instanceof NetworkImageClassifier network) {
            options.preprocessing(network.preprocessing());
        }
        NetworkImageClassifier old = ImageModels.load(Path.of(baseline), options.build());
        AuditOptions audit = AuditOptions.builder().batchSize(context.batchSize()).seed(context.seed()).build();
        ModelRun before = ModelRun.of("baseline", old, context.folder(), audit);
        Comparison comparison = Comparison.models(before, context.run("model"), 0, audit);
        List<String> failures = FailOn.parse(failOn).failures(comparison);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseline", baseline);
        details.put("accuracyBaseline", comparison.modelA().accuracy());
        details.put("accuracy", comparison.modelB().accuracy());
        details.put("fixed", comparison.changed().fixed().size());
        details.put("broken", comparison.changed().broken());
        details.put("mcnemarPValue", comparison.mcnemar().pValue());
        details.put("failed", failures);
        return new CheckResult(name, type(), failures.isEmpty(), comparison.changed().broken().size(),
                FailOn.parse(failOn).rules().stream().filter(r -> r.name().equals("broken")).mapToDouble(
                        FailOn.Rule::value).findFirst().orElse(Double.NaN), details);
    }
}
