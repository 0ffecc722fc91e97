package dev.limelight.core.trust;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.TopSets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Agreement between explanations of the same prediction made from independent samples (other
 * seeds, or bootstrap resamples): the mean pairwise Jaccard index of their top-k feature sets, and
 * the spread of every feature's weight. A seed makes a run repeatable; only agreement across seeds
 * says the explanation does not depend on the luck of the draw.
 *
 * @param k            the size of the compared top sets
 * @param runs         how many explanations were compared
 * @param topKJaccard  mean pairwise Jaccard index of the top-k sets, in [0, 1] (1: all runs agree)
 * @param features     per feature: mean weight and standard deviation over the runs (a feature a
 *                     run did not select counts as weight 0), sorted by decreasing |mean|
 */
public record Stability(int k, int runs, double topKJaccard, List<FeatureSpread> features) {

    /** Copies the feature list. */
    public Stability {
        features = List.copyOf(features);
    }

    /**
     * The weight of one feature across runs.
     *
     * @param feature  the feature index
     * @param mean     its mean weight
     * @param std      its standard deviation (population, over the runs)
     * @param topKShare in how many runs' top k it appears, as a share of the runs
     */
    public record FeatureSpread(int feature, double mean, double std, double topKShare) {
    }

    /**
     * Compares explanations of one label.
     *
     * @param runs at least 2 explanations of the same label
     * @param k    top-set size, at least 1
     * @throws IllegalArgumentException on fewer than 2 runs, k &lt; 1, or runs of different labels
     */
    public static Stability of(List<LocalExplanation> runs, int k) {
        if (runs == null || runs.size() < 2) {
            throw new IllegalArgumentException("stability needs at least 2 runs, got " + (runs == null ? 0 : runs.size()));
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        int label = runs.get(0).label();
        List<Set<Integer>> tops = new ArrayList<>();
        Map<Integer, double[]> sums = new TreeMap<>();
        for (LocalExplanation run : runs) {
            if (run.label() != label) {
                throw new IllegalArgumentException("runs explain different labels: " + label + " and " + run.label());
            }
            Set<Integer> top = new HashSet<>();
            for (FeatureWeight w : run.top(k)) {
                top.add(w.feature());
            }
            tops.add(top);
            for (FeatureWeight w : run.weights()) {
                double[] s = sums.computeIfAbsent(w.feature(), f -> new double[3]);
                s[0] += w.weight();
                s[1] += w.weight() * w.weight();
            }
            for (int f : top) {
                sums.computeIfAbsent(f, x -> new double[3])[2] += 1;
            }
        }
        double jaccard = meanPairwiseJaccard(tops);
        int n = runs.size();
        List<FeatureSpread> spreads = new ArrayList<>();
        sums.forEach((feature, s) -> {
            double mean = s[0] / n;
            double variance = Math.max(0, s[1] / n - mean * mean);
            spreads.add(new FeatureSpread(feature, mean, Math.sqrt(variance), s[2] / n));
        });
        spreads.sort(Comparator.comparingDouble((FeatureSpread f) -> Math.abs(f.mean())).reversed());
        return new Stability(k, n, jaccard, spreads);
    }

    /** @return the mean Jaccard index over all pairs of sets (1 when both of a pair are empty) */
    public static double meanPairwiseJaccard(List<Set<Integer>> sets) {
        return TopSets.meanPairwiseJaccard(sets);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Stability[top-%d Jaccard %.3f over %d runs]", k, topKJaccard, runs);
    }
}
