package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain-text with the bundled model and post (the tests run in lime-cli/, the checkout is one up). */
class ExplainTextCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theCounterfactualOfTheBundledPostIsVerifiedAndWritten(@TempDir Path dir) throws Exception {
        int code = Limelight.run(new String[] {"explain-text", "--model", Path.of("..", TextModels.BUNDLED).toString(),
                "--text", Path.of("..", DemoCommand.BUNDLED_TEXT).toString(), "--samples", "1000", "--counterfactual",
                "--quiet", "--out", dir.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(Limelight.DONE, code, err.toString());
        assertTrue(out.toString().contains("counterfactual: removing ["), out.toString());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("explanation.json").toFile());
        JsonNode c = json.get("labels").get(0).get("counterfactual");
        assertTrue(c.get("found").asBoolean(), c.toString());
        assertNotEquals(json.get("labels").get(0).get("label").asInt(), c.get("newLabel").asInt());
        assertTrue(c.get("newProbability").asDouble() > c.get("originalLabelProbability").asDouble(), c.toString());
        assertTrue(c.get("removed").size() > 0, "the counterfactual removes at least one word: " + c);
        for (JsonNode removed : c.get("removed")) {
            assertTrue(removed.get("weight").asDouble() > 0, "only words that supported the prediction: " + removed);
        }
    }

    @Test
    void theTrustMeasuresOfImagesWorkOnWordsAndReachTheJsonAndTheSummary(@TempDir Path dir) throws Exception {
        int code = Limelight.run(new String[] {"explain-text", "--model", Path.of("..", TextModels.BUNDLED).toString(),
                "--text", Path.of("..", DemoCommand.BUNDLED_TEXT).toString(), "--samples", "600", "--stability", "3",
                "--fidelity", "--adaptive", "--quiet", "--out", dir.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertEquals(Limelight.DONE, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("explanation.json").toFile());
        JsonNode label = json.get("labels").get(0);
        assertEquals(3, label.get("stability").get("runs").asInt());
        assertTrue(label.get("fidelity").has("deletionArea"), label.toString());
        assertEquals("orthogonal", json.get("options").get("design").asText(), "--adaptive draws orthogonal pairs");
        JsonNode sampling = json.get("adaptiveSampling");
        assertEquals(600, sampling.get("budget").asInt());
        assertEquals(sampling.get("used").asInt(), json.get("samples").asInt());
        assertTrue(out.toString().contains("adaptive sampling: "), out.toString());
        assertTrue(out.toString().contains("Stability[top-5"), out.toString());
    }
}
