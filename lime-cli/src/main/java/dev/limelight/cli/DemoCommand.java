package dev.limelight.cli;

import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SegmenterKind;
import dev.limelight.image.render.ExplanationWriter;
import dev.limelight.models.BundledModels;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.render.TextExplanationWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight demo}: explains bundled inputs with bundled real models, no download needed:
 * a Fashion-MNIST test image with the bundled DL4J CNN, and a held-out 20 Newsgroups post with the
 * bundled bag-of-words classifier; writes the reports under out/demo/image and out/demo/text.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Explain a bundled Fashion-MNIST image with the bundled CNN (and a bundled text with the "
                + "bundled text model); write PNG, JSON and HTML under --out.")
final class DemoCommand implements Callable<Integer> {

    /**
     * The bundled sample shown by default: class 3, a dress the model is 95 % sure of, whose two
     * strongest segments, once hidden, make it a coat (the counterfactual the demo finds).
     */
    static final int SAMPLE_CLASS = 3;

    /** The bundled post explained by default, relative to the checkout. */
    static final String BUNDLED_TEXT = "lime-text/bundled/samples/darwin-fish.txt";

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo", description = "Output directory "
            + "(default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--sample", paramLabel = "CLASS", defaultValue = "" + SAMPLE_CLASS,
            description = "Which bundled Fashion-MNIST sample to explain, 0..9 (default: ${DEFAULT-VALUE}).")
    private int sample;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (sample < 0 || sample > 9) {
            throw new BadInputException("--sample must be a Fashion-MNIST class 0..9, got " + sample);
        }
        PrintWriter printer = spec.commandLine().getOut();
        NetworkImageClassifier model = BundledModels.fashionMnist();
        RasterImage image = RasterImage.fromBufferedImage(BundledModels.fashionMnistSample(sample));
        ImageExplanation explanation = new ImageExplainer(ImageExplainerOptions.builder()
                .samples(1000)
                .segmenter(SegmenterKind.SLIC.create(24))
                .topLabels(2)
                .stability(3, 3)
                .fidelityCurves(true)
                .counterfactual(true)
                .progress(new ProgressBar(spec.commandLine().getErr(), quiet))
                .build()).explain(image, model);
        Path imageDir = out.resolve("image");
        Path report = ExplanationWriter.write(explanation, "Fashion-MNIST sample (" + model.classNames().get(sample)
                + ") explained by the bundled CNN", imageDir);
        printer.println("Image: a Fashion-MNIST " + model.classNames().get(sample) + " explained by the bundled DL4J CNN");
        ExplainImageCommand.print(explanation, printer);
        printer.println("wrote " + imageDir.resolve("explanation.json") + ", " + imageDir.resolve("explanation.png")
                + " and " + report);

        Path textModel = TextModels.inCheckout(TextModels.BUNDLED);
        Path post = TextModels.inCheckout(BUNDLED_TEXT);
        if (!Files.isRegularFile(textModel) || !Files.isRegularFile(post)) {
            throw new BadInputException("the bundled text model or text is missing (" + textModel + ", " + post
                    + "): run the demo from the checkout with ./limelight");
        }
        TextExplanation text = ExplainTextCommand.explain(Files.readString(post, StandardCharsets.UTF_8),
                TextModels.load(textModel), TextExplainerOptions.builder().topLabels(1).counterfactual(true).build(),
                spec.commandLine().getErr(),
                quiet);
        Path textDir = out.resolve("text");
        Path textReport = TextExplanationWriter.write(text, "20 Newsgroups post explained by the bundled classifier",
                textDir);
        printer.println();
        printer.println("Text: a held-out 20 Newsgroups post (" + post.getFileName() + ") explained by the bundled "
                + "atheism-vs-christian classifier (trained on posts with their e-mail headers, as in the LIME paper)");
        ExplainTextCommand.print(text, printer);
        printer.println("wrote " + textDir.resolve("explanation.json") + " and " + textReport);
        return Limelight.DONE;
    }
}
