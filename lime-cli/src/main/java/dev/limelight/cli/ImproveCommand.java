package dev.limelight.cli;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.ImageRegion;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.compare.Comparison;
import dev.limelight.audit.compare.ModelComparison;
import dev.limelight.core.ImageInput;
import dev.limelight.models.ImageModels;
import dev.limelight.models.LoadedNetwork;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.training.fit.TrainingImages;
import dev.limelight.training.fit.TrainingOptions;
import dev.limelight.training.fix.AuditFinding;
import dev.limelight.training.fix.FixMethod;
import dev.limelight.training.fix.Improvement;
import dev.limelight.training.fix.ImprovementOptions;
import dev.limelight.training.fix.ImprovementReport;
import dev.limelight.training.fix.ImprovementResult;
import dev.limelight.training.fix.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight improve}: fine-tunes a model so that a region stops mattering (counterexamples or
 * artifact transfer), verifies the result against the model before on held-out images, and writes
 * OUT/model.zip, OUT/improvement.json, OUT/report.html and the two models' comparison.
 */
@Command(name = "improve", mixinStandardHelpOptions = true,
        description = "Fine-tune a model so that a region of the images stops mattering (a shortcut an explanation or "
                + "an audit showed): counterexamples fill the region with content independent of the label, artifact "
                + "transfer spreads the artifact over every class, rrr penalises the input gradient there. Verified on held-out images before and after: "
                + "accuracy, accuracy with the artifact added to other classes, share of the explanations' weight on "
                + "the region. Writes OUT/model.zip, OUT/improvement.json, OUT/report.html and OUT/compare/. "
                + "Exit 2 for bad input.")
final class ImproveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelFeedArguments feed;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "The model: Keras .h5 full model or DL4J model zip.")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Labelled training images: one sub-folder per class.")
    private Path data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Finding finding;

    static final class Finding {
        @Option(names = "--region", paramLabel = "X,Y,W,H",
                description = "The region, in the original images' pixels, top-left origin.")
        String region;

        @Option(names = "--mask", paramLabel = "FILE",
                description = "The region as a PNG of the images' size: pixels brighter than mid-grey are inside.")
        Path mask;

        @Option(names = "--from-audit", paramLabel = "DIR",
                description = "An audit's folder: the region is the strongest grid cell of an explanation cluster "
                        + "(--cluster, or the first the audit flagged) and its class carries the artifact.")
        Path audit;
    }

    @Option(names = "--cluster", paramLabel = "ID", description = "With --from-audit: the cluster's id (CLASS-N).")
    private String cluster;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "counterexamples",
            description = "counterexamples, artifact-transfer or rrr (right for the right reasons: a penalty on the "
                    + "input gradient in the region; DL4J MultiLayerNetworks only) (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "10",
            description = "rrr: the penalty's weight (default: ${DEFAULT-VALUE}).")
    private double lambda;

    @Option(names = "--carrier", paramLabel = "CLASS",
            description = "The class whose images carry the artifact (default: the class whose region differs most "
                    + "from the others', or the audit cluster's class).")
    private String carrier;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "5",
            description = "Fine-tuning epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "0.001",
            description = "Adam's learning rate for the fine-tuning (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "Images per gradient step "
            + "(default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the split, the fix, the batch order and the explanations (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--held-out", paramLabel = "SHARE", defaultValue = "0.2",
            description = "Share of each class held out to verify the fix, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double heldOut;

    @Option(names = "--share", paramLabel = "SHARE",
            description = "Counterexamples: the share of the training images altered each epoch (default 1); artifact "
                    + "transfer: the share of every class's images that carry the artifact (default 0.5); in (0, 1].")
    private Double share;

    @Option(names = "--explained", paramLabel = "N", defaultValue = "20",
            description = "Held-out images explained before and after for the region's share (default: ${DEFAULT-VALUE}).")
    private int explained;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: model.zip, improvement.json, report.html, compare/.")
    private Path out;

    @Option(names = "--quiet", description = "No progress lines.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        LabelledDataArguments.refuseTable(data, "improve");
        FixMethod fix = FixMethod.byId(method);
        if (!(heldOut > 0)) {
            throw new BadInputException("--held-out must be in (0, 1), got " + heldOut);
        }
        TrainingOptions training = TrainCommand.trainingOptions(epochs, batch, learningRate, 1, seed, heldOut,
                "--held-out");
        if (share != null && !(share > 0 && share <= 1)) {
            throw new BadInputException("--share must be in (0, 1], got " + share);
        }
        if (!(lambda > 0)) {
            throw new BadInputException("--lambda must be positive, got " + lambda);
        }
        if (explained < 0) {
            throw new BadInputException("--explained must be at least 0, got " + explained);
        }
        if (cluster != null && finding.audit == null) {
            throw new BadInputException("--cluster picks a cluster of --from-audit DIR");
        }
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err, quiet);
        NetworkImageClassifier before = feed.load(model);
        LoadedNetwork network = ImageModels.loadForTraining(model);
        ImageRegion region;
        String carrierName = carrier;
        if (finding.audit != null) {
            AuditFinding found = AuditFinding.read(finding.audit, cluster, before.input());
            region = found.region();
            carrierName = carrierName != null ? carrierName : found.className();
            say(err, "cluster %s of %s: cell %d of %d, class %s", found.clusterId(), finding.audit, found.cell(),
                    found.cells(), found.className());
        } else {
            region = finding.region != null ? ImageRegion.Rectangle.parse(finding.region)
                    : new ImageRegion.Mask(finding.mask);
        }
        ImprovementOptions options = ImprovementOptions.DEFAULTS.withMethod(fix).withTraining(training)
                .withShare(share == null ? Double.NaN : share).withLambda(lambda)
                .withVerification(new Verification.Settings(explained, Verification.Settings.DEFAULTS.samples(),
                        Verification.Settings.DEFAULTS.cells(), seed));
        if (carrierName != null) {
            options = options.withCarrierClass(classIndex(before.classNames(), carrierName));
        }
        LabelledFolder folder = LabelledFolder.read(data, before.classNames()).decodable();
        folder.skipped().forEach(s -> err.printf("skipped %s: %s%n", s.path(), s.reason()));
        ImageInput input = new ImageInput(before.input().height(), before.input().width(), before.input().channels(),
                network.layout());
        TrainingImages images = TrainingImages.read(folder, input, progress);
        ImprovementResult result = Improvement.run(before, network.network(), images, region, options, progress);
        Path written = result.write(out);
        say(err, "comparing the two models on the %d held-out images", result.heldOut().size());
        LabelledFolder heldOut = LabelledFolder.of(
                result.heldOut().examples().stream().map(e -> folder.root().resolve(e.path())).toList(),
                result.heldOut().examples().stream().map(e -> before.classNames().get(e.label())).toList(),
                before.classNames());
        Comparison comparison = ModelComparison.of(before, result.improved(), heldOut,
                AuditOptions.builder().seed(seed).build(), 10);
        Path report = ImprovementReport.write(result, comparison, out);
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "%s on %s, carrier class %s%n", fix.id(), region.describe(), result.carrierName());
        printer.printf(Locale.ROOT, "%-40s %8s %8s%n", "held-out images: " + result.heldOut().size(), "before", "after");
        printer.printf(Locale.ROOT, "%-40s %8.4f %8.4f%n", "accuracy", result.before().cleanAccuracy(),
                result.after().cleanAccuracy());
        printer.printf(Locale.ROOT, "%-40s %8.4f %8.4f%n", "accuracy with the artifact added",
                result.before().shortcutAccuracy(), result.after().shortcutAccuracy());
        printer.printf(Locale.ROOT, "%-40s %8.3f %8.3f%n", "weight on the region", result.before().regionShare(),
                result.after().regionShare());
        printer.printf("wrote %s, %s and %s%n", written, out.resolve(ImprovementResult.JSON_FILE), report);
        return Limelight.DONE;
    }

    private static int classIndex(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new BadInputException("the model has no class '" + name + "'; its classes: " + names);
    }

    private void say(PrintWriter err, String format, Object... args) {
        if (!quiet) {
            err.printf(Locale.ROOT, format + "%n", args);
            err.flush();
        }
    }
}
