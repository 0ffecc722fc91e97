package dev.limelight.cli;

import dev.limelight.audit.LabelledFolder;
import dev.limelight.check.CheckResult;
import dev.limelight.check.ModelSuite;
import dev.limelight.check.SuiteResult;
import dev.limelight.models.NetworkImageClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight test}: runs a suite of model tests over a labelled folder and writes
 * results.json, junit.xml and report.html; exit 0 when every test passes, 1 when one fails.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run a suite of model tests (threshold, invariance, flip, expected-label, no-reliance, on-object, "
                + "stable, no-regression; a YAML or JSON file) over a labelled folder, or a flat folder of unlabelled images for the tests "
                + "that need no label: exit 0 when every test passes, 1 when one fails, 2 for bad input.")
final class TestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelArguments modelArguments;

    @Mixin
    private LabelledDataArguments dataArguments;

    @Mixin
    private CalibrationArguments calibration;

    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "The suite: YAML, or JSON (.json).")
    private Path suite;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: results.json, junit.xml, report.html.")
    private Path out;


    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        LabelledDataArguments.refuseTable(dataArguments.data, "test");
        ModelSuite tests = ModelSuite.load(suite);
        NetworkImageClassifier classifier = modelArguments.load();
        if (!classifier.outputKind().isClassification()) {
            throw new BadInputException("model tests measure a classifier; " + modelArguments.model + " has a "
                    + classifier.outputKind().label() + " output, which they do not support yet");
        }
        LabelledFolder folder = dataArguments.folderLabelsIfAny(classifier.classNames());
        Map<String, List<String>> userTags = dataArguments.userTags(folder);
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            err.printf("testing %s: %d tests over %d %simages%n", classifier.name(), tests.tests().size(),
                    folder.images().size(), folder.labelled() ? "" : "unlabelled ");
            err.flush();
        }
        SuiteResult result = tests.run(calibration.apply(classifier), folder, userTags, dataArguments.batch, new ProgressBar(err, quiet));
        result.write(out);
        PrintWriter printer = spec.commandLine().getOut();
        for (SuiteResult.Skipped s : result.skipped()) {
            printer.println("skipped " + s.path() + ": " + s.reason());
        }
        for (CheckResult t : result.tests()) {
            printer.println(t.summary() + (quiet ? "" : " [" + t.cost().describe() + "]"));
        }
        long passed = result.tests().stream().filter(CheckResult::passed).count();
        printer.printf("%d of %d tests passed; wrote %s, %s and %s%n", passed, result.tests().size(),
                out.resolve("results.json"), out.resolve("junit.xml"), out.resolve("report.html"));
        return result.passed() ? Limelight.DONE : Limelight.FAILURE;
    }
}
