package dev.limelight.image.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.trust.TrustJson;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.LabelExplanation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of an image explanation: {@code labels} (each with {@code label}, {@code name},
 * {@code probability}, {@code intercept}, {@code score}, {@code localPrediction}, {@code weights}
 * as {feature, weight} sorted by |weight|), {@code seed}, {@code samples}, {@code segments},
 * {@code image} size, {@code options} and {@code timings} (milliseconds per stage). The same seed
 * gives the same JSON, timings aside.
 */
public final class ExplanationJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExplanationJson() {
    }

    /** @return the explanation as a JSON tree */
    public static ObjectNode toJson(ImageExplanation e) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode labels = root.putArray("labels");
        for (LabelExplanation l : e.labels()) {
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
            for (FeatureWeight w : s.weights()) {
                weights.addObject().put("feature", w.feature()).put("weight", w.weight());
            }
            TrustJson.putMeasures(node, l.trust());
            l.trust().counterfactualIfFound().ifPresent(c -> {
                ObjectNode counterfactual = node.putObject("counterfactual");
                ArrayNode removed = counterfactual.putArray("hiddenSegments");
                c.removed().forEach(removed::add);
                counterfactual.put("newLabel", c.newLabel());
                counterfactual.put("newProbability", c.newProbability());
                counterfactual.put("originalLabelProbability", c.originalLabelProbability());
            });
        }
        e.samplingIfAdaptive().ifPresent(a -> root.set("adaptiveSampling", TrustJson.adaptiveSampling(a, "segment")));
        root.put("seed", e.seed());
        root.put("samples", e.samples());
        root.put("segments", e.segmentation().segmentCount());
        root.putObject("image").put("width", e.image().width()).put("height", e.image().height())
                .put("channels", e.image().channels());
        ObjectNode options = root.putObject("options");
        options.put("segmenter", e.options().segmenter().toString());
        options.put("hide", e.options().hideMode().toString());
        options.put("kernelWidth", e.options().kernelWidth());
        options.put("batchSize", e.options().batchSize());
        options.put("featureSelection", e.options().featureSelection().name().toLowerCase(Locale.ROOT));
        ObjectNode timings = root.putObject("timings");
        for (Map.Entry<String, Double> t : e.timings().asMap().entrySet()) {
            timings.put(t.getKey(), Math.round(t.getValue() * 10) / 10.0);
        }
        return root;
    }

    /** Writes {@link #toJson} to a file. */
    public static void write(ImageExplanation e, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(e));
    }

    /** @return {@link #toJson} as text */
    public static String toText(ImageExplanation e) {
        try {
            return JSON.writeValueAsString(toJson(e));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
