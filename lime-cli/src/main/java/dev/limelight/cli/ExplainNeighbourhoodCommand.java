package dev.limelight.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.ExponentialKernel;
import dev.limelight.core.FeatureSelection;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.KLasso;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code limelight explain-neighbourhood FILE}: fits K-Lasso to a saved neighbourhood (the
 * reference's format) and prints the explanation; with {@code --out} also writes it as JSON.
 */
@Command(name = "explain-neighbourhood",
        mixinStandardHelpOptions = true,
        description = "Fit LIME's K-Lasso surrogate to a saved neighbourhood (perturbed samples, "
                + "model outputs, distances) and print the weights.")
final class ExplainNeighbourhoodCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "JSON with neighborhood_data, neighborhood_labels, distances "
                    + "(and optionally kernel_width, label).")
    private Path file;

    @Option(names = "--label", paramLabel = "L",
            description = "Column of the predictions to explain (default: the file's 'label', else 1).")
    private Integer label;

    @Option(names = "--features", paramLabel = "K", defaultValue = "10",
            description = "Maximum number of features (default: ${DEFAULT-VALUE}).")
    private int features;

    @Option(names = "--selection", paramLabel = "MODE", defaultValue = "auto",
            description = "none, forward_selection, highest_weights, lasso_path or auto (default: ${DEFAULT-VALUE}).")
    private String selection;

    @Option(names = "--kernel-width", paramLabel = "W",
            description = "Kernel width (default: the file's kernel_width, else " + ExponentialKernel.IMAGE_WIDTH + ").")
    private Double kernelWidth;

    @Option(names = "--out", paramLabel = "JSON", description = "Also write the explanation to this JSON file.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        NeighbourhoodFile input = NeighbourhoodFile.read(file);
        FeatureSelection mode = parseSelection(selection);
        double width = kernelWidth != null ? kernelWidth : input.kernelWidth().orElse(ExponentialKernel.IMAGE_WIDTH);
        int explained = label != null ? label : input.label().orElse(1);
        KLassoOptions options = KLassoOptions.builder()
                .kernelWidth(width).featureSelection(mode).numFeatures(features).build();

        long start = System.nanoTime();
        LocalExplanation explanation = new KLasso(options).explain(input.neighbourhood(), explained);
        double millis = (System.nanoTime() - start) / 1e6;

        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "%s: %s%n", file.getFileName(), input.neighbourhood());
        printer.printf(Locale.ROOT, "label %d, %s, K=%d, kernel width %s%n", explanation.label(),
                explanation.featureSelection().name().toLowerCase(Locale.ROOT), features, width);
        printer.printf(Locale.ROOT, "%5s  %8s  %12s%n", "rank", "feature", "weight");
        List<FeatureWeight> weights = explanation.weights();
        for (int i = 0; i < weights.size(); i++) {
            printer.printf(Locale.ROOT, "%5d  %8d  %+12.6f%n", i + 1, weights.get(i).feature(), weights.get(i).weight());
        }
        printer.printf(Locale.ROOT, "intercept %.6f, score (weighted R^2) %.6f, local prediction %.6f%n",
                explanation.intercept(), explanation.score(), explanation.localPrediction());
        printer.printf(Locale.ROOT, "fitted in %.1f ms%n", millis);
        if (out != null) {
            write(explanation, options, millis);
            printer.println("wrote " + out);
        }
        return Limelight.DONE;
    }

    private void write(LocalExplanation explanation, KLassoOptions options, double millis) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("input", file.toString());
        root.put("featureSelection", explanation.featureSelection().name().toLowerCase(Locale.ROOT));
        root.put("numFeatures", options.numFeatures());
        root.put("kernel", options.kernel().toString());
        ArrayNode labels = root.putArray("labels");
        ObjectNode entry = labels.addObject();
        entry.put("label", explanation.label());
        entry.put("intercept", explanation.intercept());
        entry.put("score", explanation.score());
        entry.put("localPrediction", explanation.localPrediction());
        ArrayNode weights = entry.putArray("weights");
        for (FeatureWeight w : explanation.weights()) {
            weights.addObject().put("feature", w.feature()).put("weight", w.weight());
        }
        root.putObject("timings").put("fitMillis", millis);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(out, stream -> json.writeValue(stream, root));
    }

    private static FeatureSelection parseSelection(String value) {
        try {
            return FeatureSelection.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown --selection '" + value
                    + "': use none, forward_selection, highest_weights, lasso_path or auto");
        }
    }
}
