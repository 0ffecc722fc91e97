package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.core.trust.Stability;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.render.ExplanationImages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An explanation test: an explanation worth acting on does not change with the random seed. Every
 * cohort image's prediction is explained with {@code runs} seeds (LIME on a grid, as the other
 * explanation tests); the agreement is the mean pairwise Jaccard index of the top-{@code k} cells
 * across the runs (lime-core's {@link Stability}). Passes when the mean agreement over the cohort is
 * at least {@code min}.
 *
 * @param name    the check's name
 * @param cohort  the images (default all)
 * @param runs    seeds per image (default 3, at least 2)
 * @param k       the top cells compared (default 5)
 * @param min     the least mean top-k agreement
 * @param samples LIME samples per explanation (default 300)
 * @param grid    grid cells per image (default 16)
 */
public record StableCheck(String name, Cohort cohort, Integer runs, Integer k, Double min, Integer samples,
                          Integer grid) implements Check {

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public StableCheck {
        Objects.requireNonNull(name, "name");
        cohort = cohort == null ? Cohort.ALL : cohort;
        runs = runs == null ? 3 : runs;
        k = k == null ? 5 : k;
        if (runs < 2 || runs > 50) {
            throw new IllegalArgumentException("runs must be in 2..50, got " + runs);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (min == null || !(min >= 0 && min <= 1)) {
            throw new IllegalArgumentException("a stable check needs 'min' in [0, 1], got " + min);
        }
        samples = ExplanationTests.samples(samples);
        grid = ExplanationTests.grid(grid);
        if (k > grid) {
            throw new IllegalArgumentException("k (" + k + ") is more than the grid's " + grid + " cells");
        }
    }

    @Override
    @JsonIgnore
    public String type() {
        return "stable";
    }

    @Override
    public boolean needsLabels() {
        return cohort.needsLabels();
    }

    private record Agreement(String path, double jaccard, ImageExplanation explanation) {
    }

    @Override
    public CheckResult run(CheckContext context) {
        List<Integer> members = context.members(cohort);
        CheckContext.ExplanationSettings settings = new CheckContext.ExplanationSettings(samples, grid, 0, runs, k,
                false);
        List<Agreement> agreements = new ArrayList<>();
        for (int n = 0; n < members.size(); n++) {
            int i = members.get(n);
            ImageExplanation e = context.explain(i, settings);
            double jaccard = e.top().trust().stabilityIfMeasured().map(Stability::topKJaccard)
                    .orElseThrow(() -> new IllegalStateException("the explainer measured no stability"));
            agreements.add(new Agreement(context.rows().get(i).path(), jaccard, e));
            context.progress(name, n + 1, members.size());
        }
        double mean = agreements.stream().mapToDouble(Agreement::jaccard).average().orElse(0);
        List<Agreement> leastStable = agreements.stream().sorted(Comparator.comparingDouble(Agreement::jaccard))
                .toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cohort", cohort.describe());
        details.put("images", agreements.size());
        details.put("runs", runs);
        details.put("k", k);
        details.put("leastStable", leastStable.subList(0, Math.min(InvarianceCheck.LISTED, leastStable.size()))
                .stream().map(a -> Map.of("path", a.path(), "agreement", a.jaccard())).toList());
        List<Evidence> evidence = new ArrayList<>();
        for (Agreement a : leastStable.subList(0, Math.min(Evidence.KEPT, leastStable.size()))) {
            ImageExplanation e = a.explanation();
            evidence.add(Evidence.of(a.path(), e.image(), String.format(Locale.ROOT, "%s %.3f", e.top().name(),
                    e.top().probability()), RasterImage.fromBufferedImage(ExplanationImages.heatMap(e,
                    e.top().label())), String.format(Locale.ROOT, "top-%d agreement %.2f over %d seeds", k,
                    a.jaccard(), runs)));
        }
        return new CheckResult(name, type(), !agreements.isEmpty() && mean >= min, mean, min, details, evidence);
    }
}
