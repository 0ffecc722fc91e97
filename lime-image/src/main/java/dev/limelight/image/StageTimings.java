package dev.limelight.image;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time per stage of one image explanation, in milliseconds.
 *
 * @param prepareMillis resizing and channel conversion to the model's input
 * @param segmentMillis superpixel segmentation
 * @param masksMillis   sampling and building the perturbed batches
 * @param scoreMillis   the model's forward passes (and the output checks)
 * @param fitMillis     distances and the K-Lasso fits (and the stopping checks of adaptive sampling)
 * @param trustMillis   stability runs, fidelity curves and counterfactual search, model calls included
 */
public record StageTimings(double prepareMillis, double segmentMillis, double masksMillis, double scoreMillis,
                           double fitMillis, double trustMillis) {

    /** @return the sum of the stages */
    public double totalMillis() {
        return prepareMillis + segmentMillis + masksMillis + scoreMillis + fitMillis + trustMillis;
    }

    /** @return stage name to milliseconds, in pipeline order, with "total" last */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("prepare", prepareMillis);
        map.put("segment", segmentMillis);
        map.put("masks", masksMillis);
        map.put("score", scoreMillis);
        map.put("fit", fitMillis);
        map.put("trust", trustMillis);
        map.put("total", totalMillis());
        return map;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "prepare %.0f ms, segment %.0f ms, masks %.0f ms, score %.0f ms, fit %.0f ms, trust %.0f ms",
                prepareMillis, segmentMillis, masksMillis, scoreMillis, fitMillis, trustMillis);
    }
}
