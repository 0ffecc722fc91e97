package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.image.render.ExplanationImages;
import dev.limelight.image.render.ExplanationJson;
import dev.limelight.image.render.ExplanationWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplanationWriterTest {

    private static ImageExplanation explain(long seed) {
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(new ImageInput(48, 48, 3, ImageLayout.NHWC),
                0, 0, 24, 24);
        return new ImageExplainer(ImageExplainerOptions.builder().samples(120).seed(seed)
                .hideMode(HideMode.constant(0, 0, 0)).segmenter(SegmenterKind.GRID.create(16)).labels(1).build())
                .explain(ImageExplainerTest.texturedImage(48, 48, 9), model);
    }

    @Test
    void writesJsonPngsAndASelfContainedReport(@TempDir Path dir) throws Exception {
        ImageExplanation e = explain(3);
        Path report = ExplanationWriter.write(e, "test photo", dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("explanation.json").toFile());
        JsonNode label = json.get("labels").get(0);
        assertEquals(1, label.get("label").asInt());
        assertEquals(16, label.get("weights").size());
        assertEquals(e.top().surrogate().weights().get(0).feature(), label.get("weights").get(0).get("feature").asInt());
        assertEquals(120, json.get("samples").asInt());
        assertEquals(3, json.get("seed").asInt());
        assertTrue(json.get("timings").has("score"));

        BufferedImage png = ImageIO.read(dir.resolve("explanation.png").toFile());
        assertEquals(48, png.getWidth());
        String html = Files.readString(report);
        assertTrue(html.contains("data:image/png;base64,"), "images are embedded");
        assertTrue(!html.contains("http://") && !html.contains("https://"), "nothing is fetched");
    }

    @Test
    void theSameSeedGivesTheSameJsonTimingsAside() {
        JsonNode a = ExplanationJson.toJson(explain(11));
        JsonNode b = ExplanationJson.toJson(explain(11));
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("timings");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("timings");
        assertEquals(a, b);
    }

    @Test
    void theOverlayTintsPositiveSegmentsGreenAndDimsTheRest() {
        ImageExplanation e = explain(4);
        BufferedImage overlay = ExplanationImages.overlay(e, 1, 4);
        int topSegment = e.top().surrogate().weights().get(0).feature();
        Set<Integer> shown = e.top().surrogate().weights().subList(0, 4).stream().map(FeatureWeight::feature)
                .collect(Collectors.toSet());
        Segmentation s = e.segmentation();
        int dimmed = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                int rgb = overlay.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                if (s.label(x, y) == topSegment && !s.isBoundary(x, y)) {
                    assertTrue(g >= 0.45 * 255 && g > r, "green inside the top segment at " + x + "," + y);
                }
                if (!shown.contains(s.label(x, y))) {
                    for (int c = 0; c < 3; c++) {
                        int original = Math.round(e.image().toRgb().get(x, y, c));
                        int channel = (rgb >> (16 - 8 * c)) & 0xff;
                        assertEquals(ExplanationImages.DIM * original, channel, 1.0,
                                "channel " + c + " dimmed outside the shown segments at " + x + "," + y);
                    }
                    dimmed++;
                }
            }
        }
        assertEquals(48 * 48 - shownPixels(s, shown), dimmed, "every pixel outside the 4 shown segments is dimmed");
        assertTrue(dimmed > 0, "some segments are not shown");
    }

    private static int shownPixels(Segmentation s, Set<Integer> shown) {
        int n = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                n += shown.contains(s.label(x, y)) ? 1 : 0;
            }
        }
        return n;
    }
}
