package dev.limelight.text.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.text.KeywordClassifier;
import dev.limelight.text.TextExplainer;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextRenderingTest {

    private static final String TEXT = "Fine <b>acting</b> & an excellent score; the plot? Thin.";
    private static TextExplanation explanation;

    @BeforeAll
    static void explain() {
        explanation = new TextExplainer(TextExplainerOptions.builder().samples(500).topLabels(2).build())
                .explain(TEXT, new KeywordClassifier("excellent", 0.9, 0.2));
    }

    @Test
    void theJsonHoldsEveryLabelsWordsWeightsAndOffsets() throws Exception {
        JsonNode json = new ObjectMapper().readTree(TextExplanationJson.toText(explanation));
        assertEquals("limelight-explanation", json.get("format").get("name").asText());
        assertEquals("text", json.get("input").get("kind").asText());
        assertEquals(TEXT, json.get("input").get("text").asText());
        assertEquals(500, json.get("samples").asInt());
        assertEquals(2, json.get("labels").size());
        JsonNode top = json.get("labels").get(0).get("weights").get(0);
        assertEquals("excellent", top.get("word").asText());
        assertEquals(explanation.label(1).words().get(0).weight(), top.get("weight").asDouble(), 0.0);
        assertEquals(TEXT.indexOf("excellent"), top.get("offsets").get(0).asInt());
        assertEquals("with", json.get("labels").get(0).get("name").asText());
        assertTrue(json.get("timings").has("total"));
    }

    @Test
    void theHtmlPageIsSelfContained() {
        String html = TextHtmlReport.render(explanation, "review.txt");
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src="), "nothing fetched");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
    }

    @Test
    void theHtmlHighlightsTheTopWordInGreenForItsLabelAndRedForTheOther() {
        String html = TextHtmlReport.render(explanation, "review.txt");
        Matcher m = Pattern.compile("<mark style=\"background:rgba\\(([0-9,]+),([0-9.]+)\\)\" title=\"([^\"]+)\">excellent</mark>")
                .matcher(html);
        assertTrue(m.find(), "excellent is highlighted");
        assertEquals("42,157,63", m.group(1), "green for the label it raises");
        assertEquals("0.90", m.group(2), "strongest colour for the largest weight");
        assertTrue(m.find(), "and again in the other label's section");
        assertEquals("212,60,60", m.group(1), "red for the label it lowers");
    }

    @Test
    void theHtmlEscapesTheTextAndRebuildsItInFull() {
        String html = TextHtmlReport.render(explanation, "<title>");
        assertFalse(html.contains("<b>acting</b>"), "markup in the text is escaped");
        assertTrue(html.contains("&lt;title&gt;"));
        String firstText = html.substring(html.indexOf("<div class=\"text\">") + 18);
        firstText = firstText.substring(0, firstText.indexOf("</div>"));
        String plain = firstText.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
        assertEquals(TEXT, plain);
    }

    @Test
    void theHtmlHasABarForEveryTopWord() {
        String html = TextHtmlReport.render(explanation, "review.txt");
        int bars = html.split("class=\"bar (pos|neg)\"", -1).length - 1;
        int expected = 0;
        for (var l : explanation.labels()) {
            expected += Math.min(TextHtmlReport.TOP_WORDS, l.words().size());
        }
        assertEquals(expected, bars);
    }

    @Test
    void theWriterWritesTheJsonAndTheReport(@TempDir Path dir) throws Exception {
        Path report = TextExplanationWriter.write(explanation, "review", dir.resolve("out"));
        assertTrue(Files.size(report) > 1000);
        assertTrue(Files.readString(dir.resolve("out/explanation.json")).contains("\"excellent\""));
    }
}
