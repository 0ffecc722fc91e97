package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.models.fashion.FashionMnist;
import dev.limelight.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Train, audit, improve, from the command line, on real Fashion-MNIST images with a watermark made
 * here: a 5 x 5 striped block in the bottom-right corner of every pullover. The audit's explanation
 * clusters flag it, and {@code improve --from-audit} takes the model off it.
 */
class FromAuditEndToEndTest {

    /** The three classes used (Fashion-MNIST's look-alike tops) and their folder names. */
    private static final Map<Integer, String> CLASSES = Map.of(0, "t-shirt", 2, "pullover", 6, "shirt");
    private static final int PER_CLASS = 300;

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Limelight.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Limelight.DONE, code, String.join(" ", args) + "\n" + err);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void aWatermarkTheAuditFlagsIsFixedFromTheAudit() throws Exception {
        FashionMnist fashion = FashionMnist.read(SharedData.require("fashion-mnist"));
        Path data = dir.resolve("tops");
        int[] written = new int[10];
        for (int i = 0; i < fashion.count() && written[0] + written[2] + written[6] < 3 * PER_CLASS; i += 7) {
            int label = fashion.label(i);
            if (!CLASSES.containsKey(label) || written[label] == PER_CLASS) {
                continue;
            }
            float[] pixels = new float[FashionMnist.SIZE * FashionMnist.SIZE];
            fashion.copyPixels(i, pixels, 0);
            BufferedImage image = new BufferedImage(FashionMnist.SIZE, FashionMnist.SIZE, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < FashionMnist.SIZE; y++) {
                for (int x = 0; x < FashionMnist.SIZE; x++) {
                    boolean watermark = label == 2 && x >= 22 && x < 27 && y >= 22 && y < 27;
                    image.getRaster().setSample(x, y, 0, watermark ? (y % 2 == 0 ? 255 : 0) : (int) pixels[y * 28 + x]);
                }
            }
            Path folder = Files.createDirectories(data.resolve(CLASSES.get(label)));
            ImageIO.write(image, "png", folder.resolve(written[label]++ + ".png").toFile());
        }

        run("train", "--data", data.toString(), "--out", dir.resolve("model").toString(), "--epochs", "3", "--quiet");
        String model = dir.resolve("model").resolve("model.zip").toString();
        run("audit", "--model", model, "--data", data.toString(), "--out", dir.resolve("audit").toString(),
                "--explain", "90", "--quiet");
        JsonNode flagged = null;
        for (JsonNode c : new ObjectMapper().readTree(dir.resolve("audit").resolve("audit.json").toFile()).get("clusters")) {
            flagged = flagged == null && c.get("flagged").asBoolean() ? c : flagged;
        }
        assertTrue(flagged != null, "the audit flags a cluster");
        assertEquals("pullover", flagged.get("class").asText());
        assertEquals(15, flagged.get("topCell").asInt(), "the bottom-right cell of the 4 x 4 grid");

        String[] improved = run("improve", "--model", model, "--data", data.toString(), "--from-audit",
                dir.resolve("audit").toString(), "--out", dir.resolve("improved").toString(), "--quiet");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("improved").resolve("improvement.json").toFile());
        assertEquals("pullover", json.get("carrierName").asText());
        assertTrue(json.get("region").asText().contains("x 0.750-1.000, y 0.750-1.000"), json.get("region").asText());
        double before = json.get("before").get("shortcutAccuracy").asDouble();
        double after = json.get("after").get("shortcutAccuracy").asDouble();
        assertTrue(after > before + 0.3, "with the watermark pasted into shirts and t-shirts: " + before + " -> " + after);
        assertTrue(json.get("before").get("regionShare").asDouble() > 0.3, json.get("before").toString());
        assertTrue(json.get("after").get("regionShare").asDouble() < 0.1, json.get("after").toString());
        assertTrue(improved[0].contains("weight on the region"), improved[0]);
    }
}
