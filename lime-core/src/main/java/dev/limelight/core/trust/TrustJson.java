package dev.limelight.core.trust;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.sampling.SamplingReport;

/**
 * The JSON of the trust measures, the same for every kind of input: a label's {@code stability} and
 * {@code fidelity}, and the explanation's {@code adaptiveSampling}.
 */
public final class TrustJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TrustJson() {
    }

    /**
     * Puts {@code stability} and {@code fidelity} into a label's node, for the measures that were taken.
     *
     * @param label the label's JSON object
     * @param trust the label's trust measures
     */
    public static void putMeasures(ObjectNode label, TrustReport trust) {
        trust.stabilityIfMeasured().ifPresent(st -> label.set("stability", stability(st)));
        trust.fidelityIfMeasured().ifPresent(f -> label.set("fidelity", fidelity(f)));
    }

    /** @return {@code runs}, {@code topK}, {@code topKJaccard} and per feature its mean, std and top-k share */
    public static ObjectNode stability(Stability st) {
        ObjectNode stability = NODES.objectNode();
        stability.put("runs", st.runs());
        stability.put("topK", st.k());
        stability.put("topKJaccard", st.topKJaccard());
        ArrayNode spreads = stability.putArray("weights");
        for (Stability.FeatureSpread f : st.features()) {
            spreads.addObject().put("feature", f.feature()).put("mean", f.mean()).put("std", f.std())
                    .put("topKShare", f.topKShare());
        }
        return stability;
    }

    /** @return the deletion and insertion areas against random orders, whether flagged, and the curves */
    public static ObjectNode fidelity(FidelityCurves f) {
        ObjectNode fidelity = NODES.objectNode();
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
        return fidelity;
    }

    /**
     * @param report     how adaptive sampling went
     * @param featureKey the name of a feature in the contested list ("segment", "feature")
     * @return {@code budget}, {@code used}, {@code converged}, the checked {@code rounds} and the
     *         {@code contested} features of the last check
     */
    public static ObjectNode adaptiveSampling(SamplingReport report, String featureKey) {
        ObjectNode sampling = NODES.objectNode();
        sampling.put("budget", report.budget());
        sampling.put("used", report.used());
        sampling.put("converged", report.converged());
        ArrayNode rounds = sampling.putArray("rounds");
        for (int i = 0; i < report.rounds().size(); i++) {
            rounds.addObject().put("samples", report.rounds().get(i)).put("agreement", report.agreements().get(i));
        }
        report.lastForecast().ifPresent(f -> {
            ArrayNode contested = sampling.putArray("contested");
            for (int feature : f.contested()) {
                contested.addObject().put(featureKey, feature).put("topKShare", f.topKShares().get(feature));
            }
        });
        return sampling;
    }
}
