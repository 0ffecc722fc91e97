package dev.limelight.image.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.trust.Stability;
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
            l.trust().stabilityIfMeasured().ifPresent(st -> {
                ObjectNode stability = node.putObject("stability");
                stability.put("runs", st.runs());
                stability.put("topK", st.k());
                stability.put("topKJaccard", st.topKJaccard());
                ArrayNode spreads = stability.putArray("weights");
                for (Stability.FeatureSpread f : st.features()) {
                    spreads.addObject().put("feature", f.feature()).put("mean", f.mean()).put("std", f.std())
                            .put("topKShare", f.topKShare());
                }
            });
            l.trust().fidelityIfMeasured().ifPresent(f -> {
                ObjectNode fidelity = node.putObject("fidelity");
                fidelity.put("deletionArea", f.deletionArea());
                fidelity.put("randomDeletionArea", f.randomDeletionArea());
                fidelity.put("insertionArea", f.insertionArea());
                fidelity.put("randomInsertionArea", f.randomInsertionArea());
                fidelity.put("flagged", f.suspicious());
                ArrayNode fractions = fidelity.putArray("fractions");
                ArrayNode deletion = fidelity.putArray("deletion");
                ArrayNode insertion = fidelity.putArray("insertion");
                for (int i = 0; i < f.fractions().length; i++) {
                    fractions.add(f.fractions()[i]);
                    deletion.add(f.deletion()[i]);
                    insertion.add(f.insertion()[i]);
                }
            });
            l.trust().counterfactualIfFound().ifPresent(c -> {
                ObjectNode counterfactual = node.putObject("counterfactual");
                ArrayNode removed = counterfactual.putArray("hiddenSegments");
                c.removed().forEach(removed::add);
                counterfactual.put("newLabel", c.newLabel());
                counterfactual.put("newProbability", c.newProbability());
                counterfactual.put("originalLabelProbability", c.originalLabelProbability());
            });
        }
        e.samplingIfAdaptive().ifPresent(a -> {
            ObjectNode sampling = root.putObject("adaptiveSampling");
            sampling.put("budget", a.budget());
            sampling.put("used", a.used());
            sampling.put("converged", a.converged());
            ArrayNode rounds = sampling.putArray("rounds");
            for (int i = 0; i < a.rounds().size(); i++) {
                rounds.addObject().put("samples", a.rounds().get(i)).put("agreement", a.agreements().get(i));
            }
            a.lastForecast().ifPresent(f -> {
                ArrayNode contested = sampling.putArray("contested");
                for (int segment : f.contested()) {
                    contested.addObject().put("segment", segment).put("topKShare", f.topKShares().get(segment));
                }
            });
        });
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
