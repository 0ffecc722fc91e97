package dev.limelight.text;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time per stage of one text explanation, in milliseconds.
 *
 * @param tokenizeMillis tokenisation of the original text
 * @param perturbMillis  drawing the sample matrix, preparing the perturbation (e.g. neighbour
 *                       look-ups) and building the perturbed texts
 * @param scoreMillis    the classifier's calls (and the output checks)
 * @param fitMillis      distances and the K-Lasso fits (adaptive sampling's checks included)
 * @param trustMillis    the trust measures (stability, fidelity curves, counterfactual), their
 *                       classifier calls included
 */
public record TextStageTimings(double tokenizeMillis, double perturbMillis, double scoreMillis, double fitMillis,
                               double trustMillis) {

    /** @return the sum of the stages */
    public double totalMillis() {
        return tokenizeMillis + perturbMillis + scoreMillis + fitMillis + trustMillis;
    }

    /** @return stage name to milliseconds, in pipeline order, with "total" last */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("tokenize", tokenizeMillis);
        map.put("perturb", perturbMillis);
        map.put("score", scoreMillis);
        map.put("fit", fitMillis);
        map.put("trust", trustMillis);
        map.put("total", totalMillis());
        return map;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "tokenize %.1f ms, perturb %.1f ms, score %.1f ms, fit %.1f ms, trust %.1f ms",
                tokenizeMillis, perturbMillis, scoreMillis, fitMillis, trustMillis);
    }
}
