package dev.limelight.cli;

import dev.limelight.audit.AuditCheckpoint;
import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditReport;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.DistributedAudit;
import dev.limelight.audit.ImageAudit;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.SkippedImage;
import dev.limelight.audit.slices.ErrorAnalysis;
import dev.limelight.audit.slices.ExplanationCluster;
import dev.limelight.audit.slices.PropertySignal;
import dev.limelight.audit.slices.Slice;
import dev.limelight.core.ImageClassifier;
import dev.limelight.image.HideMode;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.calibration.CrossFittedTemperature;
import dev.limelight.models.calibration.Temperature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight audit}: audits an image classifier over a folder with one sub-folder per
 * class and writes audit.json, reliability.png and report.html.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit an image classifier over a labelled folder (one sub-folder per class): metrics, "
                + "calibration, confident mistakes, and the explanations SP-LIME picks.")
final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelArguments modelArguments;

    @Mixin
    private LabelledDataArguments dataArguments;

    @Mixin
    private CalibrationArguments calibration;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @Option(names = "--budget", paramLabel = "B", defaultValue = "5",
            description = "Explanations SP-LIME picks (default: ${DEFAULT-VALUE}).")
    private int budget;

    @Option(names = "--explain", paramLabel = "N", defaultValue = "40",
            description = "Images explained at most, spread over the classes (default: ${DEFAULT-VALUE}).")
    private int explained;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "300",
            description = "Perturbed samples per explanation (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--grid", paramLabel = "CELLS", defaultValue = "16",
            description = "Grid cells per image, shared by all explanations (default: ${DEFAULT-VALUE}).")
    private int grid;

    @Option(names = "--hide", paramLabel = "MODE", defaultValue = "mean", description = "mean, blur or R,G,B.")
    private String hide;

    @Option(names = "--stability", paramLabel = "R", defaultValue = "1",
            description = "Explain each image with R seeds and report the agreement of their top cells (default: 1, off).")
    private int stability;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the audit on Apache Spark at MASTER (local[2], spark://host:7077, ...): executors load the "
                    + "model once per partition and write one Parquet row per image to OUT/images.parquet; the report is "
                    + "the same. Without it the audit runs in this JVM.")
    private String spark;


    @Option(names = "--seed", paramLabel = "X", defaultValue = "0", description = "Random seed.")
    private long seed;


    @Option(names = "--no-embeddings",
            description = "Do not take the model's embeddings (the activations before its output) while classifying: "
                    + "no outlier tag, no neighbour vote on potential mislabels. A graph model (InceptionV3, say) "
                    + "needs a second forward pass for them.")
    private boolean noEmbeddings;

    @Option(names = "--calibrate",
            description = "Cross-fit a temperature on the audited images (5 folds, each scaled by the temperature fitted on "
                    + "the others) and report the expected calibration error before and out of fold, with intervals "
                    + "(audit.json's crossFittedCalibration).")
    private boolean calibrate;

    @Option(names = "--resume",
            description = "Continue an audit into the same --out that was interrupted: the images it classified (kept in "
                    + "OUT/.checkpoint, one batch at a time) are not classified again, and audit.json comes out as an "
                    + "uninterrupted run's. Without it, a checkpoint left in --out is discarded.")
    private boolean resume;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        LabelledDataArguments.refuseTable(dataArguments.data, "audit");
        AuditOptions options = AuditOptions.builder().budget(budget).explained(explained).samples(samples)
                .gridCells(grid).hideMode(HideMode.parse(hide)).stabilityRuns(stability).batchSize(dataArguments.batch).seed(seed)
                .embeddings(!noEmbeddings).calibrate(calibrate)
                .progress(new ProgressBar(spec.commandLine().getErr(), quiet)).build();
        NetworkImageClassifier classifier = modelArguments.load();
        if (!classifier.outputKind().isClassification()) {
            throw new BadInputException("an audit measures a classifier (accuracy, calibration, mistakes); "
                    + modelArguments.model + " has a " + classifier.outputKind().label() + " output, which audits do "
                    + "not support yet");
        }
        if (spark != null && resume) {
            throw new BadInputException("--resume is for audits in this JVM; on Spark, failed tasks are run again by "
                    + "Spark itself");
        }
        Optional<Temperature> temperature = calibration.temperature(classifier);
        ImageClassifier scored = temperature.<ImageClassifier>map(t -> t.applyTo(classifier)).orElse(classifier);
        LabelledFolder folder = dataArguments.folder(classifier.classNames());
        Map<String, List<String>> userTags = dataArguments.userTags(folder);
        AuditCheckpoint checkpoint = AuditCheckpoint.in(out);
        if (!resume) {
            checkpoint.clear();
        } else if (!checkpoint.exists()) {
            spec.commandLine().getErr().println("no checkpoint in " + out + ": the audit starts from the first image");
        }
        AuditResult result = (spark == null ? new ImageAudit(options).run(folder, scored, classifier.name(), checkpoint)
                : sparkAudit().run(spark, folder, modelArguments.model, modelArguments.options(), temperature.orElse(null),
                        options, out))
                .withUserTags(userTags);
        ErrorAnalysis analysis = ErrorAnalysis.of(result.rows(), result.folder().classes(), options.slices(), seed);
        Path report = AuditReport.write(result, analysis, out);
        checkpoint.clear();
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "%d images, accuracy %.4f, expected calibration error %.4f, %d mistakes listed%n",
                result.folder().images().size(), result.metrics().accuracy(), result.calibration().expectedCalibrationError(),
                result.mistakes().size());
        if (calibration.calibration != null) {
            printer.println("probabilities: " + result.calibrationUsed().describe());
        }
        if (result.crossFit() != null) {
            CrossFittedTemperature c = result.crossFit();
            printer.printf(Locale.ROOT, "cross-fitted temperature (%d folds): T = %.3f; expected calibration error %.4f "
                    + "(%.4f-%.4f) before, %.4f (%.4f-%.4f) out of fold%n", c.folds(), c.temperature(), c.eceBefore(),
                    c.eceBeforeInterval()[0], c.eceBeforeInterval()[1], c.eceAfter(), c.eceAfterInterval()[0],
                    c.eceAfterInterval()[1]);
        }
        for (SkippedImage skipped : result.folder().skipped()) {
            printer.println("skipped " + skipped.path() + ": " + skipped.reason());
        }
        Map<String, Long> tagCounts = result.rows().stream().flatMap(r -> r.tags().stream())
                .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
        printer.println("tags: " + (tagCounts.isEmpty() ? "none" : tagCounts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        if (analysis.slices().isEmpty()) {
            printer.println("weak slices: none beyond chance");
        }
        for (Slice s : analysis.slices().subList(0, Math.min(3, analysis.slices().size()))) {
            printer.printf(Locale.ROOT, "weak slice: %s: %d images, accuracy %.3f (%.3f-%.3f) against %.3f expected, "
                    + "p = %.2g%n", s.description(), s.support(), s.accuracy(), s.ci()[0], s.ci()[1],
                    s.expectedAccuracy(), s.pValue());
        }
        analysis.propertySignals().stream().filter(PropertySignal::flagged).forEach(s -> printer.printf(Locale.ROOT,
                "%s alone predicts the label: accuracy %.3f against %.3f for the commonest class%n", s.property(),
                s.accuracy(), s.baseline()));
        analysis.clusters().stream().filter(ExplanationCluster::flagged).forEach(c -> printer.printf(Locale.ROOT,
                "candidate shortcut: cluster %s of %s, %d images, %.0f %% of the evidence in cell %d%n", c.id(),
                c.className(), c.members().size(), 100 * c.topShare(), c.topCell()));
        printer.printf(Locale.ROOT, "SP-LIME picked %s of %d explanations (coverage %.0f %%)%n", result.pickedImages(),
                result.explanations().size(), 100 * result.pick().coveredShare());
        printer.println("wrote " + out.resolve("audit.json") + ", " + out.resolve(AuditReport.ROWS_FILE) + " and " + report
                + (spark == null ? "" : " (per-image rows: " + out.resolve("images.parquet") + ")"));
        return Limelight.DONE;
    }

    private static DistributedAudit sparkAudit() {
        try {
            return DistributedAudit.find("spark");
        } catch (IllegalStateException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
