package dev.limelight.image;

import java.util.List;

/**
 * How adaptive sampling went.
 *
 * @param budget     the most samples it was allowed
 * @param used       the samples actually scored and fitted
 * @param rounds     samples after each checked round
 * @param agreements predicted top-k agreement after each checked round (lowest over the labels)
 * @param converged  whether the threshold was reached before the budget ran out
 */
public record SamplingReport(int budget, int used, List<Integer> rounds, List<Double> agreements, boolean converged) {

    /** Copies the lists. */
    public SamplingReport {
        rounds = List.copyOf(rounds);
        agreements = List.copyOf(agreements);
    }
}
