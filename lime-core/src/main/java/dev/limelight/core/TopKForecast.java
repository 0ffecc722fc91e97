package dev.limelight.core;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What fresh draws of a neighbourhood's samples would make of an explanation's top k, as
 * {@link SamplingNoise#forecastTopK} predicts it.
 *
 * @param k           the top-set size
 * @param agreement   predicted mean pairwise Jaccard index of the top-k sets of fresh runs, in [0, 1]
 * @param topKShares  per feature, the share of simulated re-draws that put it in the top k (features
 *                    never there are absent)
 */
public record TopKForecast(int k, double agreement, Map<Integer, Double> topKShares) {

    /** Shares below this, or above 1 minus this, count as settled. */
    public static final double SETTLED = 0.1;

    /** Copies the shares. */
    public TopKForecast {
        topKShares = Map.copyOf(topKShares);
    }

    /**
     * @return the features whose place in the top k is a matter of luck: in more than 10 % and fewer
     *         than 90 % of the simulated re-draws, most often in first; when the top k is unstable,
     *         these say which features it swaps between (two tied for the last place, for instance)
     */
    public List<Integer> contested() {
        return topKShares.entrySet().stream()
                .filter(e -> e.getValue() > SETTLED && e.getValue() < 1 - SETTLED)
                .sorted(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
