package dev.limelight.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Agreement between top-k feature sets: the Jaccard index, the one measure of it used throughout. */
public final class TopSets {

    private TopSets() {
    }

    /** @return |a &cap; b| / |a &cup; b|, 1 when both are empty */
    public static double jaccard(Set<Integer> a, Set<Integer> b) {
        Set<Integer> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 1;
        }
        return (double) (a.size() + b.size() - union.size()) / union.size();
    }

    /** @return the mean Jaccard index over all pairs of sets; 1 for fewer than two sets */
    public static double meanPairwiseJaccard(List<? extends Set<Integer>> sets) {
        double total = 0;
        int pairs = 0;
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                total += jaccard(sets.get(i), sets.get(j));
                pairs++;
            }
        }
        return pairs == 0 ? 1 : total / pairs;
    }
}
