package dev.limelight.cli;

import dev.limelight.core.TextClassifier;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.text.TextExplainer;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextCounterfactual;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.TextLabelExplanation;
import dev.limelight.text.WordWeight;
import dev.limelight.text.perturb.Perturbation;
import dev.limelight.text.perturb.WordNeighbours;
import dev.limelight.text.model.LogitScoring;
import dev.limelight.text.render.TextExplanationWriter;
import dev.limelight.text.tokenize.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.models.embeddings.loader.WordVectorSerializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight explain-text}: explains a text classifier's prediction on a text and writes
 * explanation.json and report.html.
 */
@Command(name = "explain-text", mixinStandardHelpOptions = true,
        description = "Explain which words of a text made a text classifier predict its labels.")
final class ExplainTextCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A Limelight text model zip.")
    private Path model;

    static final class Input {
        @Option(names = "--text", paramLabel = "FILE", description = "The text, from a UTF-8 file.")
        Path file;

        @Option(names = "--string", paramLabel = "S", description = "The text itself.")
        String string;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "5000",
            description = "Perturbed texts (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--features", paramLabel = "K", defaultValue = "10",
            description = "Words in the explanation (default: ${DEFAULT-VALUE}).")
    private int features;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "remove",
            description = "remove (the reference), mask, or neighbour (replace with a near word; needs --vectors) "
                    + "(default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--vectors", paramLabel = "FILE", description = "Word vectors (word2vec text or binary) for --mode neighbour.")
    private Path vectors;

    @Option(names = "--top-labels", paramLabel = "K", defaultValue = "1", description = "Labels explained (default: ${DEFAULT-VALUE}).")
    private int topLabels;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "256", description = "Texts per model call (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--explain-space", paramLabel = "SPACE", defaultValue = "probability",
            description = "The output the surrogate fits: probability (default) or logit (the network's scores before "
                    + "its final softmax). Text models carry no temperature: calibrated is exit 2.")
    private String explainSpace;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private TrustArguments trust;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        String text = input.string != null ? input.string : readText(input.file);
        if (text.isBlank()) {
            throw new BadInputException("the text is empty or only whitespace: nothing to explain");
        }
        if (samples < 2) {
            throw new BadInputException("--samples must be at least 2, got " + samples);
        }
        TextClassifier classifier = inSpace(TextModels.load(model));
        TextExplanation e = explain(text, classifier, TextExplainerOptions.builder().samples(samples).numFeatures(features)
                .perturbation(perturbation()).topLabels(topLabels).batchSize(batch).seed(seed)
                .samplingDesign(trust.samplingDesign(SamplingDesign.REMOVAL)).adaptive(trust.adaptiveSampling())
                .trust(trust.trustOptions()).build(),
                spec.commandLine().getErr(), quiet);
        String title = input.file != null ? input.file.getFileName().toString() : "text";
        Path report = TextExplanationWriter.write(e, title, out);
        print(e, spec.commandLine().getOut());
        spec.commandLine().getOut().println("wrote " + out.resolve("explanation.json") + " and " + report);
        return Limelight.DONE;
    }

    /** The classifier in the explained space: its probabilities, or its network's logits. */
    private TextClassifier inSpace(TextClassifier loaded) {
        return switch (explainSpace.trim().toLowerCase(Locale.ROOT)) {
            case "probability" -> loaded;
            case "logit" -> {
                if (!(loaded instanceof LogitScoring scoring)) {
                    throw new BadInputException(model + " is not a network Limelight can take the logits of");
                }
                yield scoring.inLogitSpace();
            }
            case "calibrated" -> throw new BadInputException("text models carry no temperature: explain-text explains "
                    + "the probability or logit space");
            default -> throw new BadInputException("unknown explain space '" + explainSpace + "': use probability or "
                    + "logit");
        };
    }

    static TextExplanation explain(String text, TextClassifier classifier, TextExplainerOptions options, PrintWriter err,
                                   boolean quiet) {
        ProgressBar bar = new ProgressBar(err, quiet);
        return new TextExplainer(options.toBuilder().progress(bar).build()).explain(text, classifier);
    }

    private Perturbation perturbation() {
        switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "remove":
                return Perturbation.remove();
            case "mask":
                return Perturbation.mask(Tokenizer.WORD_MASK);
            case "neighbour":
            case "neighbor":
                if (vectors == null || !Files.isRegularFile(vectors)) {
                    throw new BadInputException("--mode neighbour needs --vectors FILE (word2vec text or binary)"
                            + (vectors == null ? "" : "; not found: " + vectors));
                }
                try {
                    return Perturbation.neighbour(WordNeighbours.of(WordVectorSerializer.readWord2VecModel(vectors.toFile())),
                            5);
                } catch (RuntimeException e) {
                    throw new BadInputException("cannot read word vectors " + vectors + ": " + e.getMessage(), e);
                }
            default:
                throw new BadInputException("unknown --mode '" + mode + "': use remove, mask or neighbour");
        }
    }

    private static String readText(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("text file not found: " + file);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static void print(TextExplanation e, PrintWriter out) {
        for (TextLabelExplanation l : e.labels()) {
            out.printf(Locale.ROOT, "  %-24s %s=%.4f  score %.3f  top words:", l.name(), e.outputKind().valueName(),
                    l.probability(), l.surrogate().score());
            for (WordWeight w : l.words().subList(0, Math.min(8, l.words().size()))) {
                out.printf(Locale.ROOT, " %s(%+.4f)", w.word(), w.weight());
            }
            out.println();
            l.trust().stabilityIfMeasured().ifPresent(s -> out.println("    " + s));
            l.trust().fidelityIfMeasured().ifPresent(f -> out.println("    " + f));
        }
        e.samplingIfAdaptive().ifPresent(s -> TrustArguments.printSampling(s, "word", "words",
                f -> "\"" + e.text().word(f) + "\"", out));
        if (e.options().trust().counterfactual()) {
            out.println("  counterfactual: " + e.counterfactualIfFound().map(TextCounterfactual::toString)
                    .orElse("none: removing every positive top word does not change the prediction"));
        }
    }
}
