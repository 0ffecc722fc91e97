package dev.limelight.core.sampling;

import dev.limelight.core.TopKForecast;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * How adaptive sampling went.
 *
 * @param budget     the most samples it was allowed
 * @param used       the samples actually scored and fitted
 * @param rounds     samples after each checked round
 * @param agreements predicted top-k agreement after each checked round (lowest over the labels)
 * @param converged  whether the threshold was reached before the budget ran out
 * @param last       the forecast of the last check, for the label that agreed least, or null if no
 *                   round was checked; its {@link TopKForecast#contested() contested} segments say
 *                   which segments an unstable top k swaps between
 */
public record SamplingReport(int budget, int used, List<Integer> rounds, List<Double> agreements, boolean converged,
                             TopKForecast last) {

    /** Copies the lists. */
    public SamplingReport {
        rounds = List.copyOf(rounds);
        agreements = List.copyOf(agreements);
    }

    /** @return the last check's forecast, if a round was checked */
    public Optional<TopKForecast> lastForecast() {
        return Optional.ofNullable(last);
    }

    /**
     * @return e.g. "segments 35 (55 %) and 27 (48 %) are contested for the top 5": the segments
     *         whose place in the top k is luck at the last check, with the share of simulated fresh
     *         runs that put them there; empty if none is
     */
    public String contestedDescription() {
        return contestedDescription("segment", "segments");
    }

    /**
     * @param feature  what a feature is ("word")
     * @param features the plural ("words")
     * @return as {@link #contestedDescription()}, naming the features so
     */
    public String contestedDescription(String feature, String features) {
        return contestedDescription(feature, features, String::valueOf);
    }

    /**
     * @param feature  what a feature is ("word")
     * @param features the plural ("words")
     * @param names    how a feature index is shown (a word itself, say)
     * @return as {@link #contestedDescription()}, naming the features so
     */
    public String contestedDescription(String feature, String features, IntFunction<String> names) {
        if (last == null || last.contested().isEmpty()) {
            return "";
        }
        List<String> parts = last.contested().stream()
                .map(s -> String.format(Locale.ROOT, "%s (%.0f %%)", names.apply(s), 100 * last.topKShares().get(s)))
                .toList();
        String listed = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return (parts.size() == 1 ? feature + " " + listed + " is" : features + " " + listed + " are")
                + " contested for the top " + last.k();
    }
}
