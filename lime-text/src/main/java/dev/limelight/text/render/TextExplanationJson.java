package dev.limelight.text.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.ExplanationDocument;
import dev.limelight.text.TextCounterfactual;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a text explanation: the one explanation format ({@link ExplanationDocument}), with
 * {@code input} holding the text and its features, each weight's {@code word} and {@code offsets},
 * and {@code options} the tokenizer and perturbation beside the shared options. The same seed gives
 * the same JSON, timings aside.
 */
public final class TextExplanationJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TextExplanationJson() {
    }

    /**
     * The {@code input} of a text explanation.
     *
     * @param kind           "text"
     * @param text           the explained text
     * @param features       d, its features
     * @param bagOfWords     whether a word is one feature wherever it occurs
     * @param characterLevel whether the features are characters
     */
    public record Input(String kind, String text, int features, boolean bagOfWords, boolean characterLevel) {
    }

    /** @return the explanation as a document of the one format */
    public static ExplanationDocument toDocument(TextExplanation e) {
        ExplanationDocument.FeatureText words = ExplanationDocument.FeatureText.words(f -> e.text().word(f),
                f -> e.text().stringPositions(f));
        List<ExplanationDocument.Label> labels = ExplanationDocument.labels(e.labels(), e.options().trust().counterfactual(),
                e.predictedLabel(), e.classNames(), words,
                e.counterfactualIfFound().map(TextCounterfactual::text).orElse(null));
        Input input = new Input("text", e.text().raw(), e.text().featureCount(), e.text().isBagOfWords(),
                e.text().isCharacterLevel());
        TextExplainerOptions o = e.options();
        Map<String, Object> options = ExplanationDocument.options(List.of(Map.entry("tokenizer", o.tokenizer().toString()),
                Map.entry("perturbation", o.perturbation().toString())), o);
        return new ExplanationDocument(ExplanationDocument.Format.CURRENT, input, e.outputKind().label(),
                dev.limelight.core.ExplainedOutput.of(e.outputKind()), e.classNames(),
                e.probabilities(), labels, ExplanationDocument.adaptiveSampling(e.sampling(), words), e.seed(),
                e.samples(), options, ExplanationDocument.timings(e.timings().asMap()));
    }

    /**
     * @param e the explanation
     * @return the explanation as a JSON tree
     */
    public static ObjectNode toJson(TextExplanation e) {
        return JSON.valueToTree(toDocument(e));
    }

    /**
     * Writes {@link #toJson} to a file.
     *
     * @param e    the explanation
     * @param file the file to write (UTF-8)
     * @throws IOException if it cannot be written
     */
    public static void write(TextExplanation e, Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, toJson(e)));
    }

    /**
     * @param e the explanation
     * @return {@link #toJson} as indented text
     */
    public static String toText(TextExplanation e) {
        try {
            return JSON.writeValueAsString(toJson(e));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
