package dev.limelight.cli;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.image.HideMode;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.LabelExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SegmenterKind;
import dev.limelight.image.render.ExplanationWriter;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.calibration.ExplainSpace;
import dev.limelight.models.calibration.Temperature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight explain-image}: explains an image model's prediction on a photo and writes
 * explanation.json, explanation.png, heatmap.png and report.html.
 */
@Command(name = "explain-image", mixinStandardHelpOptions = true,
        description = "Explain which superpixels of a photo made an image classifier predict its labels.")
final class ExplainImageCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelArguments modelArguments;

    @Mixin
    private TrustArguments trust;


    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The photo (PNG, JPEG, BMP, GIF).")
    private Path image;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;


    @Option(names = "--top-labels", paramLabel = "K", defaultValue = "5",
            description = "Explain the K most probable labels (default: ${DEFAULT-VALUE}).")
    private int topLabels;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000",
            description = "Perturbed samples (default: ${DEFAULT-VALUE}); the budget with --adaptive.")
    private int samples;

    @Option(names = "--segmenter", paramLabel = "NAME", defaultValue = "slic",
            description = "slic, fh04, meanshift, watershed or grid (default: ${DEFAULT-VALUE}).")
    private String segmenter;

    @Option(names = "--segments", paramLabel = "S", defaultValue = "" + SegmenterKind.DEFAULT_SEGMENTS,
            description = "Segments aimed at (default: ${DEFAULT-VALUE}).")
    private int segments;

    @Option(names = "--hide", paramLabel = "MODE", defaultValue = "mean",
            description = "What hidden segments show: mean, blur or R,G,B (default: ${DEFAULT-VALUE}).")
    private String hide;




    @Option(names = "--batch", paramLabel = "B", defaultValue = "16",
            description = "Images per model call (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private CalibrationArguments calibration;

    @Option(names = "--explain-space", paramLabel = "SPACE",
            description = "The output the surrogate fits: probability, calibrated (the --calibration file's temperature, "
                    + "else the model card's) or logit (the network's scores before its final softmax). Default: "
                    + "calibrated with --calibration, else probability.")
    private String explainSpace;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        ImageExplainerOptions options = explainerOptions();
        ImageFiles.Decoded decoded = ImageFiles.decode(image);
        RasterImage photo = decoded.image();
        ImageClassifier classifier = calibrated(modelArguments.load());
        PrintWriter err = spec.commandLine().getErr();
        decoded.notes().forEach(note -> err.println("note: " + image.getFileName() + ": " + note));
        ImageExplanation explanation = new ImageExplainer(options.toBuilder()
                .progress(new ProgressBar(err, quiet)).build()).explain(photo, classifier);
        Path report = ExplanationWriter.write(explanation, image.getFileName().toString(), out);
        print(explanation, spec.commandLine().getOut());
        spec.commandLine().getOut().println("wrote " + out.resolve("explanation.json") + ", "
                + out.resolve("explanation.png") + " and " + report);
        return Limelight.DONE;
    }

    /** The model in the explained space (a calibration file for another class count, or a space it lacks: exit 2). */
    private ImageClassifier calibrated(NetworkImageClassifier model) {
        try {
            Optional<Temperature> temperature = calibration.temperature(model);
            ExplainSpace space = explainSpace == null ? ExplainSpace.byDefault(temperature)
                    : ExplainSpace.parse(explainSpace);
            return space.apply(model, temperature);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    ImageExplainerOptions explainerOptions() {
        if (segments < 2) {
            throw new BadInputException("--segments must be at least 2, got " + segments);
        }
        if (samples < 2) {
            throw new BadInputException("--samples must be at least 2, got " + samples);
        }
        return ImageExplainerOptions.builder()
                .samples(samples)
                .batchSize(batch)
                .segmenter(SegmenterKind.parse(segmenter).create(segments))
                .hideMode(HideMode.parse(hide))
                .topLabels(topLabels)
                .seed(seed)
                .stability(trust.stabilityRuns(), TrustArguments.TOP_K)
                .adaptive(trust.adaptiveSampling())
                .samplingDesign(trust.samplingDesign(SamplingDesign.INDEPENDENT))
                .fidelityCurves(trust.fidelity)
                .counterfactual(trust.counterfactual)
                .build();
    }

    static void print(ImageExplanation e, PrintWriter out) {
        out.printf(Locale.ROOT, "%s, %d segments, %d samples, seed %d (%s)%n", e.image(), e.segmentation().segmentCount(),
                e.samples(), e.seed(), e.timings());
        for (LabelExplanation l : e.labels()) {
            out.printf(Locale.ROOT, "  %-24s %s=%.4f  score %.3f  top segments:", l.name(),
                    e.model().outputKind().valueName(), l.probability(), l.surrogate().score());
            for (FeatureWeight w : l.surrogate().top(5)) {
                out.printf(Locale.ROOT, " %d(%+.4f)", w.feature(), w.weight());
            }
            out.println();
            l.trust().stabilityIfMeasured().ifPresent(s -> out.println("    " + s));
            l.trust().fidelityIfMeasured().ifPresent(f -> out.println("    " + f));
            l.trust().counterfactualIfFound().ifPresent(c -> out.println("    counterfactual: " + c));
        }
        e.samplingIfAdaptive().ifPresent(s -> TrustArguments.printSampling(s, "segment", "segments", String::valueOf, out));
    }
}
