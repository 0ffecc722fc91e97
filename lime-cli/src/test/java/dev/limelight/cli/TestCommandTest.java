package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code limelight test}: exit 0 when every test passes, 1 when one fails, 2 for a bad suite. */
class TestCommandTest {

    @TempDir
    Path dir;

    private int run(Path suite, Path out, StringWriter err) {
        return Limelight.run(new String[] {"test", "--model", "../models/bundled/fashion-mnist-cnn.zip", "--data",
            "../examples/fashion-mnist-audit", "--suite", suite.toString(), "--out", out.toString(), "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void theExampleSuitePassesAndWritesItsThreeFiles() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("example");
        assertEquals(Limelight.DONE, run(Path.of("../examples/fashion-mnist-suite.yaml"), out, err), err.toString());

        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(7, results.get("tests").size());
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("<testsuite"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("7 of 7 tests passed"));
    }

    @Test
    void aFailingTestIsExitOne() throws Exception {
        Path suite = Files.writeString(dir.resolve("strict.yaml"),
                "tests:\n  - {name: perfect, type: threshold, metric: accuracy, min: 0.999}\n");
        StringWriter err = new StringWriter();
        assertEquals(Limelight.FAILURE, run(suite, dir.resolve("strict"), err), err.toString());
        assertTrue(Files.readString(dir.resolve("strict").resolve("junit.xml")).contains("<failure"));
    }

    @Test
    void aFlatFolderRunsTheTestsThatNeedNoLabelAndRefusesTheOthersByName() throws Exception {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        try (var files = Files.walk(Path.of("../examples/fashion-mnist-audit"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".png")).limit(12).toList()) {
                Files.copy(p, flat.resolve(p.getParent().getFileName() + "-" + p.getFileName()));
            }
        }
        Path unlabelled = Files.writeString(dir.resolve("unlabelled.yaml"), "tests:\n"
                + "  - {name: jpeg, type: invariance, transformation: {kind: jpeg, amount: 90}, minUnchanged: 0.8}\n"
                + "  - {name: predicted bags, type: invariance, cohort: {predicted: Bag}, "
                + "transformation: {kind: brightness, amount: 5}, minUnchanged: 0.5}\n");
        Path labelled = Files.writeString(dir.resolve("labelled.yaml"),
                "tests:\n  - {name: accuracy, type: threshold, metric: accuracy, min: 0.5}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"test", "--model", "../models/bundled/fashion-mnist-cnn.zip", "--data", flat.toString(),
            "--suite", unlabelled.toString(), "--out", dir.resolve("flat-out").toString()};

        assertEquals(Limelight.DONE, Limelight.run(args, new PrintWriter(out, true), new PrintWriter(err, true)),
                err.toString());
        assertTrue(err.toString().contains("12 unlabelled images"), err.toString());
        assertTrue(out.toString().contains("model calls"), "each test says what it cost: " + out);

        args[6] = labelled.toString();
        StringWriter refused = new StringWriter();
        assertEquals(Limelight.BAD_INPUT, Limelight.run(args, new PrintWriter(new StringWriter(), true),
                new PrintWriter(refused, true)));
        assertTrue(refused.toString().contains("'accuracy' (threshold) needs labels"), refused.toString());
    }

    @Test
    void aBadSuiteIsExitTwoNamingTheFileTheTestAndTheField() throws Exception {
        Path suite = Files.writeString(dir.resolve("bad.yaml"),
                "tests:\n  - {name: a, type: threshold, metric: accuracy, min: 0.5}\n"
                        + "  - {name: b, type: invariance, transformation: {kind: swirl}}\n");
        StringWriter err = new StringWriter();
        assertEquals(Limelight.BAD_INPUT, run(suite, dir.resolve("bad"), err));
        assertTrue(err.toString().contains("bad.yaml") && err.toString().contains("test 2")
                && err.toString().contains("transformation") && err.toString().contains("swirl"), err.toString());
    }
}
