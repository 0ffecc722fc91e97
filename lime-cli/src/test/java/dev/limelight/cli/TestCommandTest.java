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
        assertEquals(6, results.get("tests").size());
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("<testsuite"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("6 of 6 tests passed"));
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
