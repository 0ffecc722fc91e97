package dev.limelight.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.limelight.core.TextClassifier;
import dev.limelight.text.perturb.Perturbation;
import dev.limelight.text.render.TextExplanationJson;
import dev.limelight.text.render.TextHtmlReport;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The text counterfactual: the fewest top words whose removal flips the prediction, verified. */
class TextCounterfactualTest {

    private static final String REVIEW = TextExplainerTest.REVIEW;

    private static TextExplainerOptions.Builder options() {
        return TextExplainerOptions.builder().samples(1000).batchSize(100).topLabels(1).counterfactual(true);
    }

    /** p(class 1) = 0.1 + 0.42 x (how many of the words occur): one word left still says class 1. */
    private static TextClassifier needsBoth(String first, String second) {
        Pattern a = Pattern.compile("\\b" + first + "\\b");
        Pattern b = Pattern.compile("\\b" + second + "\\b");
        return TwoClassClassifier.of(t -> 0.1 + 0.42 * ((a.matcher(t).find() ? 1 : 0) + (b.matcher(t).find() ? 1 : 0)));
    }

    @Test
    void removingThePlantedWordFlipsAOneWordClassifier() {
        KeywordClassifier model = new KeywordClassifier("excellent", 0.9, 0.2);
        TextExplanation e = new TextExplainer(options().build()).explain(REVIEW, model);

        TextCounterfactual c = e.counterfactualIfFound().orElseThrow();
        assertEquals(List.of("excellent"), c.removed().stream().map(WordWeight::word).toList());
        assertEquals(1, c.originalLabel());
        assertEquals("with", c.originalName());
        assertEquals(0, c.newLabel());
        assertEquals("without", c.newName());
        assertEquals(0.8, c.newProbability(), 1e-12, "the classifier's own answer on the counterfactual text");
        assertEquals(0.2, c.originalLabelProbability(), 1e-12);
        assertFalse(c.text().contains("excellent"), c.text());
        assertTrue(c.text().contains("beautiful"), "only the counterfactual's words are removed: " + c.text());
    }

    @Test
    void theSmallestFlippingPrefixIsFoundWhenOneWordIsNotEnough() {
        TextExplanation e = new TextExplainer(options().build()).explain(REVIEW, needsBoth("excellent", "beautiful"));

        TextCounterfactual c = e.counterfactualIfFound().orElseThrow();
        assertEquals(Set.of("excellent", "beautiful"), Set.copyOf(c.removed().stream().map(WordWeight::word).toList()));
        assertEquals(0.9, c.newProbability(), 1e-12);
        assertFalse(c.text().contains("excellent") || c.text().contains("beautiful"), c.text());
    }

    @Test
    void theCounterfactualUsesTheExplanationsPerturbation() {
        TextExplanation e = new TextExplainer(options().perturbation(Perturbation.mask("UNKWORDZ")).build())
                .explain(REVIEW, new KeywordClassifier("excellent", 0.9, 0.2));

        TextCounterfactual c = e.counterfactualIfFound().orElseThrow();
        assertEquals(REVIEW.replace("excellent", "UNKWORDZ"), c.text());
    }

    @Test
    void aClassifierThatIgnoresTheTextHasNoCounterfactualAndTheReportsSaySo() {
        TextExplanation e = new TextExplainer(options().build()).explain(REVIEW, new KeywordClassifier("zebra", 0.9, 0.8));

        assertTrue(e.counterfactualIfFound().isEmpty());
        JsonNode json = TextExplanationJson.toJson(e).get("labels").get(0).get("counterfactual");
        assertFalse(json.get("found").asBoolean());
        assertTrue(TextHtmlReport.render(e, "ignores").contains("None found"));
    }

    @Test
    void theReportsCarryAFoundCounterfactual() {
        TextExplanation e = new TextExplainer(options().build()).explain(REVIEW, new KeywordClassifier("excellent", 0.9, 0.2));

        JsonNode json = TextExplanationJson.toJson(e).get("labels").get(0).get("counterfactual");
        assertTrue(json.get("found").asBoolean());
        assertEquals("excellent", json.get("removed").get(0).get("word").asText());
        assertEquals("without", json.get("newName").asText());
        assertTrue(TextHtmlReport.render(e, "found").contains("turns <b>with</b> into <b>without</b>"));
    }

    @Test
    void itIsNotSearchedUnlessAskedNorForALabelThatWasNotExplained() {
        KeywordClassifier model = new KeywordClassifier("excellent", 0.9, 0.2);
        TextExplanation notAsked = new TextExplainer(options().counterfactual(false).build()).explain(REVIEW, model);
        assertTrue(notAsked.counterfactualIfFound().isEmpty());
        assertFalse(TextExplanationJson.toJson(notAsked).get("labels").get(0).has("counterfactual"));

        TextExplanation otherLabel = new TextExplainer(options().labels(0).build()).explain(REVIEW, model);
        assertTrue(otherLabel.counterfactualIfFound().isEmpty(), "label 1 is predicted, only label 0 was explained");
    }
}
