package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import dev.limelight.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real photo explained with a real imported Keras model (MobileNetV2, from the shared data)
 * through the command: the same seed gives the same explanation.json, timings aside.
 */
class RealModelExplanationTest {

    private static Path shared(String relative) {
        return SharedData.require(relative);
    }

    private static JsonNode explain(Path out) throws Exception {
        String[] args = {"explain-image", "--model", shared("models/nsfw_mobilenet_v2.h5").toString(), "--image",
            shared("images/dogs.png").toString(), "--preprocess", "unit", "--samples", "48", "--batch", "16",
            "--top-labels", "1", "--seed", "7", "--quiet", "--out", out.toString()};
        StringWriter err = new StringWriter();
        int code = Limelight.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Limelight.DONE, code, err.toString());
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(out.resolve("explanation.json").toFile());
        json.remove("timings");
        return json;
    }

    @Test
    void theSameSeedGivesTheSameExplanationOfARealPhotoByARealModel(@TempDir Path dir) throws Exception {
        JsonNode first = explain(dir.resolve("a"));
        JsonNode second = explain(dir.resolve("b"));

        assertEquals(first, second);
        JsonNode label = first.get("labels").get(0);
        assertEquals(2, label.get("label").asInt(), "MobileNetV2 calls the dogs photo 'Neutral' (class 2)");
        assertTrue(label.get("probability").asDouble() > 0.9);
        assertTrue(first.get("input").get("segments").asInt() >= 30, "the default SLIC gives a real segmentation");
        assertTrue(Files.exists(dir.resolve("a").resolve("report.html")));
    }
}
