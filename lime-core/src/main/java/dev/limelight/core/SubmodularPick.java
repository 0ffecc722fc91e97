package dev.limelight.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SP-LIME (Ribeiro, Singh and Guestrin, KDD 2016, Algorithm 2): from many explanations, pick the
 * few a reader should look at to understand the model as a whole.
 *
 * <p>Each explanation is a map from a feature to its weight. Features are matched across
 * explanations by equality, so any shared vocabulary works: words for text, the cells of a fixed
 * grid or named concepts for images (the reference can only do this for text and tabular data).
 * The global importance of a feature is {@code sqrt(sum_i |W_ij|)}; the coverage of a set of
 * explanations is the total importance of the features any of them uses (non-zero weight); the
 * pick greedily adds the explanation that maximises coverage, {@code budget} times. As in the
 * reference, candidates are tried in index order and a later candidate with equal coverage wins.
 */
public final class SubmodularPick {

    private SubmodularPick() {
    }

    /**
     * The outcome of a pick.
     *
     * @param picked     indices of the chosen explanations, in the order they were picked
     * @param coverage   coverage after each pick (non-decreasing)
     * @param importance global importance of every feature, in order of first appearance
     * @param <F>        the feature type
     */
    public record Result<F>(List<Integer> picked, List<Double> coverage, Map<F, Double> importance) {

        /** Copies the collections. */
        public Result {
            picked = List.copyOf(picked);
            coverage = List.copyOf(coverage);
            importance = Collections.unmodifiableMap(new LinkedHashMap<>(importance));
        }

        /** @return the coverage of the whole pick as a share of the total importance, in [0, 1] */
        public double coveredShare() {
            double total = importance.values().stream().mapToDouble(Double::doubleValue).sum();
            double last = coverage.isEmpty() ? 0 : coverage.get(coverage.size() - 1);
            return total == 0 ? 0 : last / total;
        }
    }

    /**
     * Picks {@code budget} explanations.
     *
     * @param explanations one feature-to-weight map per explanation, at least one
     * @param budget       how many to pick, between 1 and the number of explanations
     * @param <F>          the feature type
     * @return the picked indices with their coverage
     * @throws IllegalArgumentException if there are no explanations, the budget is out of range, or
     *                                  a weight is NaN or infinite
     */
    public static <F> Result<F> pick(List<? extends Map<F, Double>> explanations, int budget) {
        Objects.requireNonNull(explanations, "explanations");
        if (explanations.isEmpty()) {
            throw new IllegalArgumentException("no explanations to pick from");
        }
        if (budget < 1 || budget > explanations.size()) {
            throw new IllegalArgumentException("budget must be between 1 and the number of explanations ("
                    + explanations.size() + "), got " + budget);
        }
        Map<F, Integer> columns = new LinkedHashMap<>();
        for (Map<F, Double> explanation : explanations) {
            for (F feature : explanation.keySet()) {
                columns.putIfAbsent(feature, columns.size());
            }
        }
        int n = explanations.size();
        int d = columns.size();
        double[] importance = new double[d];
        boolean[][] uses = new boolean[n][d];
        for (int i = 0; i < n; i++) {
            for (Map.Entry<F, Double> entry : explanations.get(i).entrySet()) {
                double w = entry.getValue();
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("explanation " + i + " has a non-finite weight " + w
                            + " for feature " + entry.getKey());
                }
                int j = columns.get(entry.getKey());
                importance[j] += Math.abs(w);
                uses[i][j] = w != 0;
            }
        }
        for (int j = 0; j < d; j++) {
            importance[j] = Math.sqrt(importance[j]);
        }

        boolean[] covered = new boolean[d];
        boolean[] taken = new boolean[n];
        double coverage = 0;
        List<Integer> picked = new ArrayList<>(budget);
        List<Double> coverages = new ArrayList<>(budget);
        for (int round = 0; round < budget; round++) {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double gain = 0;
                for (int j = 0; j < d; j++) {
                    if (uses[i][j] && !covered[j]) {
                        gain += importance[j];
                    }
                }
                if (gain >= bestGain) {
                    best = i;
                    bestGain = gain;
                }
            }
            taken[best] = true;
            for (int j = 0; j < d; j++) {
                if (uses[best][j] && !covered[j]) {
                    covered[j] = true;
                    coverage += importance[j];
                }
            }
            picked.add(best);
            coverages.add(coverage);
        }
        Map<F, Double> importanceByFeature = new LinkedHashMap<>();
        columns.forEach((feature, j) -> importanceByFeature.put(feature, importance[j]));
        return new Result<>(picked, coverages, importanceByFeature);
    }

    /**
     * Picks among local explanations whose feature indices share one meaning (the same grid of
     * segments, the same vocabulary).
     *
     * @see #pick(List, int)
     */
    public static Result<Integer> pickExplanations(List<LocalExplanation> explanations, int budget) {
        Objects.requireNonNull(explanations, "explanations");
        List<Map<Integer, Double>> maps = new ArrayList<>(explanations.size());
        for (LocalExplanation explanation : explanations) {
            maps.add(explanation.weightsByFeature());
        }
        return pick(maps, budget);
    }
}
