package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.AuditWorker;
import dev.limelight.core.trust.Counterfactuals.Counterfactual;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How much of a change it takes to change the answer (a directional, adversarial test): for each
 * cohort image, the smallest strength of a change in {@code [0, maxAmount]} that changes the
 * prediction (or, with {@code target}, makes it that class). Passes when the {@code quantile} of the
 * strengths (default 0.1: nine images in ten need at least that much) is at least {@code min}; an
 * image that keeps its answer at {@code maxAmount} counts as {@code |maxAmount|}.
 * <ul>
 *   <li>{@code brightness}, {@code blur}, {@code noise}, {@code rotation}, {@code translation},
 *       {@code occlusion} ({@link Transformation}): bisection, every image of a step scored in one
 *       batched pass; {@code steps} steps (default 8) know the strength to
 *       {@code |maxAmount| / 2^steps}.</li>
 *   <li>{@code superpixels}: the number of the prediction's strongest grid cells (LIME on
 *       {@code grid} cells, {@code samples} samples) that must be hidden (black) to change the
 *       prediction, by lime-core's counterfactual search; {@code maxAmount} cells at most. No
 *       target.</li>
 * </ul>
 *
 * @param name      the check's name
 * @param kind      brightness, blur, noise, rotation, translation, occlusion or superpixels
 * @param maxAmount the strongest change tried (negative for darker, say)
 * @param steps     bisection steps (default 8)
 * @param quantile  the quantile of the strengths compared (default 0.1)
 * @param min       the least that quantile may be
 * @param target    the class the prediction must become, or null for any change
 * @param cohort    the images (default all)
 * @param samples   for superpixels: LIME samples per image (default 300)
 * @param grid      for superpixels: grid cells per image (default 16)
 */
public record FlipCheck(String name, String kind, Double maxAmount, Integer steps, Double quantile, Double min,
                        String target, Cohort cohort, Integer samples, Integer grid) implements Check {

    /** The kinds of change a flip check can search. */
    public static final List<String> KINDS = List.of("brightness", "blur", "noise", "rotation", "translation",
            "occlusion", "superpixels");

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public FlipCheck {
        Objects.requireNonNull(name, "name");
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be brightness, blur, noise, rotation, translation, "
                    + "occlusion or superpixels, got " + kind);
        }
        if (maxAmount == null || maxAmount == 0) {
            throw new IllegalArgumentException("a flip check needs a non-zero maxAmount");
        }
        if (kind.equals("superpixels")) {
            if (maxAmount < 1) {
                throw new IllegalArgumentException("superpixels needs maxAmount: the most cells hidden, at least 1");
            }
            if (target != null) {
                throw new IllegalArgumentException("superpixels searches any change of the prediction: drop 'target'");
            }
        } else {
            new Transformation(kind, maxAmount);
        }
        steps = steps == null ? 8 : steps;
        quantile = quantile == null ? 0.1 : quantile;
        if (steps < 1 || steps > 30) {
            throw new IllegalArgumentException("steps must be in 1..30, got " + steps);
        }
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + quantile);
        }
        if (min == null) {
            throw new IllegalArgumentException("a flip check needs the 'min' its strength quantile must reach");
        }
        cohort = cohort == null ? Cohort.ALL : cohort;
        samples = ExplanationTests.samples(samples);
        grid = ExplanationTests.grid(grid);
    }

    /** A check of a transformation, with the default steps, no target and every image. */
    public static FlipCheck of(String name, String kind, double maxAmount, double quantile, double min) {
        return new FlipCheck(name, kind, maxAmount, null, quantile, min, null, null, null, null);
    }

    @Override
    @JsonIgnore
    public String type() {
        return "flip";
    }

    @Override
    public boolean needsLabels() {
        return cohort.needsLabels();
    }

    /**
     * @return per cohort image (in cohort order), the smallest strength found that flips it, or
     *         {@code |maxAmount|} when none does
     */
    public double[] strengths(CheckContext context) {
        return search(context).strength();
    }

    /** What the search found: per image the strength, and the counterfactual of a superpixel search. */
    private record Found(double[] strength, List<Optional<Counterfactual>> counterfactuals) {
    }

    private Found search(CheckContext context) {
        List<Integer> members = context.members(cohort);
        return kind.equals("superpixels") ? hideCells(context, members) : bisect(context, members);
    }

    private Found hideCells(CheckContext context, List<Integer> members) {
        double[] strength = new double[members.size()];
        List<Optional<Counterfactual>> found = new ArrayList<>();
        CheckContext.ExplanationSettings settings = new CheckContext.ExplanationSettings(samples, grid, 0, 1, 1, true);
        for (int k = 0; k < members.size(); k++) {
            Optional<Counterfactual> c = context.explain(members.get(k), settings).top().trust().counterfactualIfFound()
                    .filter(f -> f.removed().size() <= maxAmount);
            strength[k] = c.map(f -> (double) f.removed().size()).orElse(maxAmount);
            found.add(c);
            context.progress(name, k + 1, members.size());
        }
        return new Found(strength, found);
    }

    private Found bisect(CheckContext context, List<Integer> members) {
        int n = members.size();
        int[] before = members.stream().mapToInt(context::predicted).toArray();
        int wanted = wanted(context);
        double[] low = new double[n];
        double[] high = new double[n];
        Arrays.fill(high, maxAmount);
        boolean[] flips = flipped(context, members, high, before, wanted);
        for (int step = 0; step < steps; step++) {
            double[] middle = new double[n];
            for (int k = 0; k < n; k++) {
                middle[k] = (low[k] + high[k]) / 2;
            }
            boolean[] at = flipped(context, members, middle, before, wanted);
            for (int k = 0; k < n; k++) {
                if (at[k]) {
                    high[k] = middle[k];
                } else {
                    low[k] = middle[k];
                }
            }
            context.progress(name, step + 1, steps);
        }
        double[] strength = new double[n];
        for (int k = 0; k < n; k++) {
            strength[k] = flips[k] ? Math.abs(high[k]) : Math.abs(maxAmount);
        }
        return new Found(strength, List.of());
    }

    private int wanted(CheckContext context) {
        int wanted = target == null ? -1 : context.classIndex(target);
        if (target != null && wanted < 0) {
            throw new IllegalArgumentException("check '" + name + "': the model has no class '" + target + "'");
        }
        return wanted;
    }

    /** @return image {@code i} changed by {@code amount}, seeded by the run's seed and the image */
    private RasterImage changed(CheckContext context, int i, double amount) {
        return new Transformation(kind, amount).apply(context.image(i),
                context.random(i));
    }

    private boolean[] flipped(CheckContext context, List<Integer> members, double[] amounts, int[] before,
                              int wanted) {
        boolean[] flipped = new boolean[members.size()];
        int chunk = 256;
        for (int from = 0; from < members.size(); from += chunk) {
            int to = Math.min(members.size(), from + chunk);
            List<RasterImage> changed = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                changed.add(changed(context, members.get(k), amounts[k]));
            }
            double[][] scored = context.score(changed);
            for (int k = from; k < to; k++) {
                int now = AuditWorker.argMax(scored[k - from]);
                flipped[k] = wanted >= 0 ? now == wanted : now != before[k];
            }
        }
        return flipped;
    }

    @Override
    public CheckResult run(CheckContext context) {
        List<Integer> members = context.members(cohort);
        Found found = search(context);
        double[] strength = found.strength();
        double[] sorted = strength.clone();
        Arrays.sort(sorted);
        double value = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1,
                Math.floor(quantile * (sorted.length - 1)))];
        long never = Arrays.stream(strength).filter(s -> s == Math.abs(maxAmount)).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cohort", cohort.describe());
        details.put("transformation", kind + " up to " + maxAmount);
        details.put("images", strength.length);
        details.put("resolution", kind.equals("superpixels") ? 1 : Math.abs(maxAmount) / Math.pow(2, steps));
        details.put("unflipped", never);
        details.put("strengths", Arrays.stream(sorted).boxed().toList());
        Integer[] order = new Integer[strength.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(strength[a], strength[b]));
        List<Map<String, Object>> easiest = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (int r = 0; r < Math.min(InvarianceCheck.LISTED, order.length); r++) {
            int k = order[r];
            AuditRow row = context.rows().get(members.get(k));
            easiest.add(Map.of("path", row.path(), "strength", strength[k]));
            if (evidence.size() < Evidence.KEPT && strength[k] < Math.abs(maxAmount)) {
                evidence.add(evidence(context, members.get(k), strength[k], found, k));
            }
        }
        details.put("easiest", easiest);
        return new CheckResult(name, type(), strength.length > 0 && value >= min, value, min, details, evidence);
    }

    /** The original beside the change that flipped it. */
    private Evidence evidence(CheckContext context, int i, double strength, Found found, int k) {
        AuditRow row = context.rows().get(i);
        String before = String.format(Locale.ROOT, "%s %.3f", row.predicted(), row.confidence());
        if (kind.equals("superpixels")) {
            Counterfactual c = found.counterfactuals().get(k).orElseThrow();
            ImageExplanation e = context.explain(i, new CheckContext.ExplanationSettings(samples, grid, 0, 1, 1, true));
            return Evidence.of(row.path(), e.image(), before, hidden(e.image(), e.segmentation(), c.removed()),
                    String.format(Locale.ROOT, "%d cells hidden: %s %.3f", c.removed().size(),
                            context.folder().classes().get(c.newLabel()), c.newProbability()));
        }
        double amount = Math.signum(maxAmount) * strength;
        RasterImage changed = changed(context, i, amount);
        double[] after = context.score(List.of(changed))[0];
        int now = AuditWorker.argMax(after);
        return Evidence.of(row.path(), context.image(i), before, changed, String.format(Locale.ROOT, "%s %s: %s %.3f",
                kind, new Transformation(kind, amount).describe().substring(kind.length()).trim(),
                context.folder().classes().get(now), after[now]));
    }

    private static RasterImage hidden(RasterImage image, Segmentation cells, List<Integer> removed) {
        Set<Integer> gone = new HashSet<>(removed);
        float[] p = image.pixels();
        int c = image.channels();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (gone.contains(cells.label(x, y))) {
                    Arrays.fill(p, (y * image.width() + x) * c, (y * image.width() + x + 1) * c, 0f);
                }
            }
        }
        return new RasterImage(image.width(), image.height(), c, p);
    }
}
