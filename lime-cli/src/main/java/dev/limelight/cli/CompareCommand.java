package dev.limelight.cli;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.compare.Comparison;
import dev.limelight.audit.compare.ComparisonReport;
import dev.limelight.audit.compare.DriftTest;
import dev.limelight.audit.compare.FailOn;
import dev.limelight.audit.compare.ModelRun;
import dev.limelight.audit.compare.SavedRun;
import dev.limelight.core.ImageClassifier;
import dev.limelight.models.NetworkImageClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight compare}: a model diff ({@code --model A --model-b B --data DIR}), data drift
 * ({@code --model A --data REF --data-b NEW}), or both sides unpaired ({@code --model-b} with
 * {@code --data-b}); writes compare.json, report.html and plots; exit 1 when a {@code --fail-on}
 * rule holds.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two models on the same labelled images (--model-b: accuracy, per-class differences with "
                + "intervals, McNemar's test, fixed and broken images, how the explanations moved), or the images a model "
                + "gets now with those it was tested on (--data-b: drift of every image property, the confidence, the "
                + "predicted classes and the embeddings). Exit 1 when a --fail-on rule holds, 2 for bad input.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelFeedArguments feed;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Model A: Keras .h5 full model or DL4J model zip (or give two saved audits with --run and --run-b).")
    private Path model;

    @Option(names = "--run", paramLabel = "DIR",
            description = "A saved audit (limelight audit --out DIR) instead of --model and --data: with --run-b, a model "
                    + "diff when both audited the same folder, else drift between their folders (no explanations, no "
                    + "embedding test).")
    private Path run;

    @Option(names = "--run-b", paramLabel = "DIR", description = "The second saved audit.")
    private Path runB;

    @Option(names = "--model-b", paramLabel = "FILE",
            description = "The second model (same options as --model): a model diff on --data, or with --data-b model B "
                    + "on the new images.")
    private Path modelB;

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "A calibration.json from limelight calibrate for model A: its temperature-scaled probabilities "
                    + "are compared (compare.json's calibration says so). A file for another class count is exit 2.")
    private Path calibration;

    @Option(names = "--calibration-b", paramLabel = "FILE",
            description = "The same for model B (without --model-b, model A's calibration holds for both folders).")
    private Path calibrationB;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The (reference) images: one sub-folder per class, or a flat folder for drift.")
    private Path data;

    @Option(names = "--data-b", paramLabel = "DIR", description = "The new images (labels optional): data drift.")
    private Path dataB;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: compare.json, report.html, reliability.png, drift.png.")
    private Path out;

    @Option(names = "--explain", paramLabel = "N", defaultValue = "20",
            description = "Changed images (broken first) explained under both models (default: ${DEFAULT-VALUE}; 0: none).")
    private int explain;

    @Option(names = "--fail-on", paramLabel = "RULES",
            description = "Exit 1 when one of these holds: comma-separated NAME OP VALUE, NAME one of broken, fixed, "
                    + "accuracy-drop, drift-pvalue; e.g. \"broken > 5, accuracy-drop > 0.01\".")
    private String failOn;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "32", description = "Images per model call.")
    private int batch;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "0", description = "Seed of the intervals, tests and "
            + "explanations (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--quiet", description = "No progress lines.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        LabelledDataArguments.refuseTable(data, "compare");
        FailOn rules = failOn == null ? null : FailOn.parse(failOn);
        PrintWriter err = spec.commandLine().getErr();
        AuditOptions options = AuditOptions.builder().batchSize(batch).seed(seed).build();
        Comparison comparison = run != null || runB != null ? savedRuns(err) : fromModels(err, options);
        Path report = ComparisonReport.write(comparison, out);
        PrintWriter printer = spec.commandLine().getOut();
        summarise(printer, comparison);
        printer.printf("wrote %s and %s%n", out.resolve("compare.json"), report);
        if (rules != null) {
            List<String> failed = rules.failures(comparison);
            failed.forEach(f -> printer.println("failed: " + f));
            if (!failed.isEmpty()) {
                return Limelight.FAILURE;
            }
        }
        return Limelight.DONE;
    }

    private Comparison fromModels(PrintWriter err, AuditOptions options) {
        if (model == null || data == null) {
            throw new BadInputException("compare needs --model and --data (or two saved audits: --run and --run-b)");
        }
        if (modelB == null && dataB == null) {
            throw new BadInputException("compare needs --model-b (a model diff) or --data-b (data drift), or both");
        }
        if (modelB == null && calibrationB != null) {
            throw new BadInputException("--calibration-b calibrates --model-b; without it, --calibration holds for both "
                    + "folders");
        }
        NetworkImageClassifier loadedA = feed.load(model);
        NetworkImageClassifier loadedB = modelB == null ? loadedA : feed.load(modelB);
        if (modelB != null) {
            checkComparable(loadedA, loadedB);
        }
        ImageClassifier a = CalibrationArguments.apply(calibration, loadedA);
        ImageClassifier b = modelB == null ? a : CalibrationArguments.apply(calibrationB, loadedB);
        LabelledFolder reference = LabelledFolder.readLabelsIfAny(data, a.classNames());
        say(err, "classifying %d images of %s with %s", reference.images().size(), data, loadedA.name());
        ModelRun runA = ModelRun.of(loadedA.name(), a, reference, options);
        if (dataB == null) {
            if (!runA.labelled()) {
                throw new BadInputException(data + " is a flat folder: a model diff needs labels (one sub-folder per "
                        + "class)");
            }
            say(err, "classifying them with %s", loadedB.name());
            ModelRun other = ModelRun.of(loadedB.name(), b, reference, options);
            say(err, "explaining up to %d changed images under both models", explain);
            return Comparison.models(runA, other, explain, options);
        }
        LabelledFolder current = LabelledFolder.readLabelsIfAny(dataB, b.classNames());
        say(err, "classifying %d images of %s with %s", current.images().size(), dataB, loadedB.name());
        return Comparison.drift(runA, ModelRun.of(loadedB.name(), b, current, options), seed);
    }

    /** Two saved audits: a model diff when they audited the same folder, else drift between their folders. */
    private Comparison savedRuns(PrintWriter err) {
        if (run == null || runB == null) {
            throw new BadInputException("give both saved audits: --run DIR --run-b DIR");
        }
        if (model != null || modelB != null || data != null || dataB != null) {
            throw new BadInputException("--run and --run-b compare saved audits: leave out --model, --model-b, --data "
                    + "and --data-b");
        }
        ModelRun a = SavedRun.read(run);
        ModelRun b = SavedRun.read(runB);
        if (!a.folder().classes().equals(b.folder().classes())) {
            throw new BadInputException("the two audits name their classes differently: " + a.folder().classes()
                    + " and " + b.folder().classes());
        }
        boolean sameFolder = a.folder().root().toAbsolutePath().normalize()
                .equals(b.folder().root().toAbsolutePath().normalize());
        say(err, "comparing the saved audits %s and %s (%s)", run, runB, sameFolder ? "model diff" : "drift");
        return sameFolder ? Comparison.models(a, b, 0, AuditOptions.builder().seed(seed).build())
                : Comparison.drift(a, b, seed);
    }

    private static void checkComparable(NetworkImageClassifier a, NetworkImageClassifier b) {
        if (a.classCount() != b.classCount()) {
            throw new BadInputException(String.format(Locale.ROOT, "the models have different class counts: %s has %d, "
                    + "%s has %d", a.name(), a.classCount(), b.name(), b.classCount()));
        }
        if (a.input().width() != b.input().width() || a.input().height() != b.input().height()
                || a.input().channels() != b.input().channels()) {
            throw new BadInputException(String.format(Locale.ROOT, "the models take different inputs: %s takes %s, %s "
                    + "takes %s", a.name(), a.input(), b.name(), b.input()));
        }
    }

    private void summarise(PrintWriter out, Comparison c) {
        if (c.modelA() != null && c.modelB() != null) {
            out.printf(Locale.ROOT, "accuracy %.4f -> %.4f, ECE %.4f -> %.4f%n", c.modelA().accuracy(),
                    c.modelB().accuracy(), c.modelA().ece(), c.modelB().ece());
        }
        if (c.mcnemar() != null) {
            out.printf(Locale.ROOT, "%d fixed, %d broken, %d changed while both wrong; McNemar p = %.3g%n",
                    c.changed().fixed().size(), c.changed().broken().size(), c.changed().bothWrong().size(),
                    c.mcnemar().pValue());
            c.cohorts().stream().filter(k -> k.broken() > 0).limit(3).forEach(k -> out.printf(Locale.ROOT,
                    "  %s: %d of %d broken%n", k.cohort(), k.broken(), k.images()));
        }
        if (c.drift() != null) {
            c.drift().entrySet().stream().sorted((x, y) -> Double.compare(x.getValue().pValue(), y.getValue().pValue()))
                    .limit(4).forEach(e -> {
                        DriftTest t = e.getValue();
                        out.printf(Locale.ROOT, "drift %s: %s statistic %.4g, p = %.3g%n", e.getKey(), t.test(),
                                t.statistic(), t.pValue());
                    });
        }
    }

    private void say(PrintWriter err, String format, Object... args) {
        if (!quiet) {
            err.printf(Locale.ROOT, format + "%n", args);
            err.flush();
        }
    }
}
