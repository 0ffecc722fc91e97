package dev.limelight.cli;

import dev.limelight.tabular.ConditionWeight;
import dev.limelight.tabular.Discretizer;
import dev.limelight.tabular.NetworkTabularClassifier;
import dev.limelight.tabular.Table;
import dev.limelight.tabular.TableSchema;
import dev.limelight.tabular.TabularExplainer;
import dev.limelight.tabular.TabularExplainerOptions;
import dev.limelight.tabular.TabularExplanation;
import dev.limelight.tabular.TabularLabelExplanation;
import dev.limelight.tabular.TrainingDistribution;
import dev.limelight.tabular.render.TabularExplanationWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight explain-row}: explains a table classifier's prediction on one row of a CSV file and
 * writes explanation.json and report.html.
 */
@Command(name = "explain-row", mixinStandardHelpOptions = true,
        description = "Explain which conditions of a table row (\"age > 42.00\", \"island = Dream\") made a classifier "
                + "predict its label.")
final class ExplainRowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A DL4J model zip (with its normalizer, if it was saved with one) or a Keras HDF5 file whose "
                    + "input is the row with categorical columns one-hot, in the schema's order.")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "CSV",
            description = "The table: a CSV file with a header line.")
    private Path data;

    @Option(names = "--schema", required = true, paramLabel = "FILE",
            description = "The schema (JSON): the feature columns in the model's order, numeric or categorical, and "
                    + "the label column with its classes.")
    private Path schema;

    @Option(names = "--row", required = true, paramLabel = "N",
            description = "The row to explain: 0 is the first row after the header.")
    private int row;

    @Option(names = "--training", paramLabel = "CSV",
            description = "The training table the bins and frequencies are learnt from (default: --data).")
    private Path training;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "5000",
            description = "Perturbed rows (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--features", paramLabel = "K", defaultValue = "10",
            description = "Conditions in the explanation (default: ${DEFAULT-VALUE}).")
    private int features;

    @Option(names = "--discretizer", paramLabel = "BINS", defaultValue = "quartile",
            description = "How numeric columns are binned: quartile (the reference's default), decile, or entropy "
                    + "(where a depth-3 tree on the column splits the labels; needs the label column) "
                    + "(default: ${DEFAULT-VALUE}).")
    private String discretizer;

    @Option(names = "--kernel-width", paramLabel = "W",
            description = "The kernel width on the Euclidean distance of the 0/1 rows (default: 0.75 sqrt(columns), "
                    + "the reference's).")
    private Double kernelWidth;

    @Option(names = "--top-labels", paramLabel = "K", defaultValue = "1",
            description = "Labels explained, most probable first (default: ${DEFAULT-VALUE}).")
    private int topLabels;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1000",
            description = "Rows per model call (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private TrustArguments trust;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (samples < 2) {
            throw new BadInputException("--samples must be at least 2, got " + samples);
        }
        if (!trust.design.trim().equalsIgnoreCase("auto")) {
            throw new BadInputException("--design does not apply to tables: perturbed rows are drawn from the training "
                    + "table's frequencies");
        }
        Discretizer bins = switch (discretizer.trim().toLowerCase(Locale.ROOT)) {
            case "quartile" -> Discretizer.QUARTILE;
            case "decile" -> Discretizer.DECILE;
            case "entropy" -> Discretizer.ENTROPY;
            default -> throw new BadInputException("unknown --discretizer '" + discretizer
                    + "': use quartile, decile or entropy");
        };
        TableSchema declared = TableSchema.read(schema);
        Table table = Table.read(data, declared);
        if (row < 0 || row >= table.size()) {
            throw new BadInputException("--row " + row + " is out of range: " + data + " has " + table.size()
                    + " rows (0 to " + (table.size() - 1) + ")");
        }
        Table learnFrom = training == null ? table : Table.read(training, table.schema());
        NetworkTabularClassifier classifier = NetworkTabularClassifier.load(model, table.schema());
        TabularExplainerOptions.Builder options = TabularExplainerOptions.builder().samples(samples)
                .numFeatures(features).topLabels(topLabels).batchSize(batch).seed(seed)
                .adaptive(trust.adaptiveSampling()).trust(trust.trustOptions())
                .progress(new ProgressBar(spec.commandLine().getErr(), quiet));
        if (kernelWidth != null) {
            options.kernelWidth(kernelWidth);
        }
        TabularExplanation e = new TabularExplainer(options.build()).explain(table.row(row), classifier,
                TrainingDistribution.of(learnFrom, bins));
        String title = data.getFileName() + ", row " + row;
        Path report = TabularExplanationWriter.write(e, row, title, out);
        PrintWriter printed = spec.commandLine().getOut();
        print(e, printed);
        printed.println("wrote " + out.resolve("explanation.json") + " and " + report);
        return Limelight.DONE;
    }

    static void print(TabularExplanation e, PrintWriter out) {
        for (TabularLabelExplanation l : e.labels()) {
            out.printf(Locale.ROOT, "  %-24s %s=%.4f  score %.3f%n", l.name(), e.outputKind().valueName(),
                    l.probability(), l.surrogate().score());
            for (ConditionWeight c : l.conditions()) {
                out.printf(Locale.ROOT, "    %-40s %+.4f%n", c.condition(), c.weight());
            }
            l.trust().stabilityIfMeasured().ifPresent(s -> out.println("    " + s));
            l.trust().fidelityIfMeasured().ifPresent(f -> out.println("    " + f));
        }
        e.samplingIfAdaptive().ifPresent(s -> TrustArguments.printSampling(s, "condition", "conditions",
                f -> "\"" + e.conditions().get(f) + "\"", out));
        if (e.options().trust().counterfactual()) {
            out.println("  counterfactual: " + e.labels().stream()
                    .flatMap(l -> l.trust().counterfactualIfFound().stream().map(c -> "changing "
                            + c.removed().stream().map(f -> "\"" + e.conditions().get(f) + "\"").toList()
                            + " turns " + e.classNames().get(c.originalLabel()) + " into "
                            + e.classNames().get(c.newLabel()) + String.format(Locale.ROOT, " (p = %.4f)",
                            c.newProbability())))
                    .findFirst().orElse("none: changing every positive top condition does not change the prediction"));
        }
    }
}
