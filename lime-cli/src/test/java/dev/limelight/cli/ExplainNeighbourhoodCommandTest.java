package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainNeighbourhoodCommandTest {

    /** The bundled example is the reference's golden input "a"; its expected outputs are beside it. */
    private static final Path EXAMPLE = Path.of("../examples/neighbourhood_image_like_1000x20.json");
    private static final Path EXPECTED = Path.of("../lime-core/src/test/resources/golden/expected_a_image_like_1000x20.json");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Limelight.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesTheReferenceExplanationOfTheBundledExample(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("explanation.json");

        int code = run("explain-neighbourhood", EXAMPLE.toString(), "--selection", "lasso_path", "--features", "5",
                "--out", json.toString());

        assertEquals(Limelight.DONE, code, err.toString());
        JsonNode expected = expectedCase("lasso_path", 5);
        JsonNode label = new ObjectMapper().readTree(json.toFile()).get("labels").get(0);
        assertEquals(expected.get("intercept").asDouble(), label.get("intercept").asDouble(), 1e-6);
        assertEquals(expected.get("score").asDouble(), label.get("score").asDouble(), 1e-6);
        Map<Integer, Double> weights = new HashMap<>();
        label.get("weights").forEach(w -> weights.put(w.get("feature").asInt(), w.get("weight").asDouble()));
        assertEquals(expected.get("exp").size(), weights.size());
        expected.get("exp").forEach(e -> assertEquals(e.get(1).asDouble(), weights.get(e.get(0).asInt()), 1e-6));
        assertTrue(out.toString().contains("lasso_path"), out.toString());
    }

    @Test
    void aMissingFileIsBadInput() {
        assertEquals(Limelight.BAD_INPUT, run("explain-neighbourhood", "no/such/file.json"));
        assertTrue(err.toString().contains("not found"), err.toString());
    }

    @Test
    void aFileThatIsNotJsonIsBadInput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{ not json");
        assertEquals(Limelight.BAD_INPUT, run("explain-neighbourhood", file.toString()));
        assertTrue(err.toString().contains("not valid JSON"), err.toString());
    }

    @Test
    void aLabelOutOfRangeIsBadInput() {
        assertEquals(Limelight.BAD_INPUT, run("explain-neighbourhood", EXAMPLE.toString(), "--label", "7"));
        assertTrue(err.toString().contains("out of range"), err.toString());
    }

    @Test
    void anUnknownSelectionModeIsBadInput() {
        assertEquals(Limelight.BAD_INPUT, run("explain-neighbourhood", EXAMPLE.toString(), "--selection", "magic"));
        assertTrue(err.toString().contains("unknown --selection"), err.toString());
    }

    private static JsonNode expectedCase(String mode, int k) throws Exception {
        for (JsonNode c : new ObjectMapper().readTree(EXPECTED.toFile()).get("cases")) {
            if (c.get("feature_selection").asText().equals(mode) && c.get("num_features").asInt() == k) {
                return c;
            }
        }
        throw new AssertionError("no expected case " + mode + " K=" + k);
    }
}
