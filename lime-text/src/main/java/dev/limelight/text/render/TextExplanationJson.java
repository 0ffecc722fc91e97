package dev.limelight.text.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.trust.TrustJson;
import dev.limelight.text.TextCounterfactual;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.TextLabelExplanation;
import dev.limelight.text.WordWeight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of a text explanation: {@code text}, {@code classNames}, {@code probabilities} (of
 * the original text), {@code labels} (each with {@code label}, {@code name}, {@code probability},
 * {@code intercept}, {@code score}, {@code localPrediction}, {@code featureSelection} and
 * {@code weights} as {word, feature, weight, offsets} sorted by |weight|), {@code features} (d),
 * {@code seed}, {@code samples}, {@code options} and {@code timings} (milliseconds per stage). The
 * same seed gives the same JSON, timings aside.
 */
public final class TextExplanationJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TextExplanationJson() {
    }

    /**
     * @param e the explanation
     * @return the explanation as a JSON tree
     */
    public static ObjectNode toJson(TextExplanation e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", e.text().raw());
        ArrayNode names = root.putArray("classNames");
        e.classNames().forEach(names::add);
        ArrayNode probabilities = root.putArray("probabilities");
        for (double p : e.probabilities()) {
            probabilities.add(p);
        }
        ArrayNode labels = root.putArray("labels");
        for (TextLabelExplanation l : e.labels()) {
            LocalExplanation s = l.surrogate();
            ObjectNode node = labels.addObject();
            node.put("label", l.label());
            node.put("name", l.name());
            node.put("probability", l.probability());
            node.put("intercept", s.intercept());
            node.put("score", s.score());
            node.put("localPrediction", s.localPrediction());
            node.put("featureSelection", s.featureSelection().name().toLowerCase(Locale.ROOT));
            ArrayNode weights = node.putArray("weights");
            for (WordWeight w : l.words()) {
                ObjectNode word = weights.addObject().put("word", w.word()).put("feature", w.feature())
                        .put("weight", w.weight());
                ArrayNode offsets = word.putArray("offsets");
                for (int o : w.offsets()) {
                    offsets.add(o);
                }
            }
            TrustJson.putMeasures(node, l.trust());
        }
        e.samplingIfAdaptive().ifPresent(a -> root.set("adaptiveSampling", TrustJson.adaptiveSampling(a, "feature")));
        if (e.options().counterfactual()) {
            root.set("counterfactual", e.counterfactualIfFound().map(TextExplanationJson::counterfactual)
                    .orElseGet(() -> JSON.createObjectNode().put("found", false)));
        }
        root.put("features", e.text().featureCount());
        root.put("seed", e.seed());
        root.put("samples", e.samples());
        ObjectNode options = root.putObject("options");
        options.put("tokenizer", e.options().tokenizer().toString());
        options.put("bagOfWords", e.text().isBagOfWords());
        options.put("characterLevel", e.text().isCharacterLevel());
        options.put("perturbation", e.options().perturbation().toString());
        options.put("kernelWidth", e.options().kernelWidth());
        options.put("batchSize", e.options().batchSize());
        options.put("numFeatures", e.options().numFeatures());
        options.put("featureSelection", e.options().featureSelection().name().toLowerCase(Locale.ROOT));
        options.put("design", e.options().samplingDesign().name().toLowerCase(Locale.ROOT));
        ObjectNode timings = root.putObject("timings");
        for (Map.Entry<String, Double> t : e.timings().asMap().entrySet()) {
            timings.put(t.getKey(), Math.round(t.getValue() * 10) / 10.0);
        }
        return root;
    }

    private static ObjectNode counterfactual(TextCounterfactual c) {
        ObjectNode node = JSON.createObjectNode().put("found", true);
        ArrayNode removed = node.putArray("removed");
        for (WordWeight w : c.removed()) {
            removed.addObject().put("word", w.word()).put("feature", w.feature()).put("weight", w.weight());
        }
        node.put("originalLabel", c.originalLabel()).put("originalName", c.originalName())
                .put("newLabel", c.newLabel()).put("newName", c.newName()).put("newProbability", c.newProbability())
                .put("originalLabelProbability", c.originalLabelProbability()).put("text", c.text());
        return node;
    }

    /**
     * Writes {@link #toJson} to a file.
     *
     * @param e    the explanation
     * @param file the file to write (UTF-8)
     * @throws IOException if it cannot be written
     */
    public static void write(TextExplanation e, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(e));
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
