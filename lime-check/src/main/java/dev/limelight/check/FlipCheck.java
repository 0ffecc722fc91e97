package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.AuditWorker;
import dev.limelight.image.RasterImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How much of a change it takes to change the answer (a directional, adversarial test): for each
 * cohort image, the smallest strength of a transformation in {@code [0, maxAmount]} that changes the
 * prediction (or, with {@code target}, makes it that class), found by bisection with every image of a
 * step scored in one batched pass ({@code steps} steps: the strength is known to
 * {@code |maxAmount| / 2^steps}). An image that keeps its answer at {@code maxAmount} counts as
 * {@code |maxAmount|}. Passes when the {@code quantile} of the strengths (default 0.1: nine images in
 * ten need at least that much) is at least {@code min}.
 *
 * @param name      the check's name
 * @param kind      brightness, blur, noise, rotation, translation or occlusion
 * @param maxAmount the strongest change tried (negative for darker, say)
 * @param steps     bisection steps (default 8)
 * @param quantile  the quantile of the strengths compared (default 0.1)
 * @param min       the least that quantile may be
 * @param target    the class the prediction must become, or null for any change
 * @param cohort    the images (default all)
 */
public record FlipCheck(String name, String kind, Double maxAmount, Integer steps, Double quantile, Double min,
                        String target, Cohort cohort) implements Check {

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public FlipCheck {
        Objects.requireNonNull(name, "name");
        if (kind == null || !List.of("brightness", "blur", "noise", "rotation", "translation", "occlusion")
                .contains(kind)) {
            throw new IllegalArgumentException("kind must be brightness, blur, noise, rotation, translation or "
                    + "occlusion, got " + kind);
        }
        if (maxAmount == null || maxAmount == 0) {
            throw new IllegalArgumentException("a flip check needs a non-zero maxAmount");
        }
        new Transformation(kind, maxAmount);
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
    }

    @Override
    @JsonIgnore
    public String type() {
        return "flip";
    }

    /**
     * @return per cohort image (in cohort order), the smallest strength found that flips it, or
     *         {@code |maxAmount|} when none does
     */
    public double[] strengths(CheckContext context) {
        List<Integer> members = context.members(cohort);
        int n = members.size();
        List<RasterImage> originals = new ArrayList<>(n);
        int[] before = new int[n];
        for (int k = 0; k < n; k++) {
            originals.add(context.image(members.get(k)));
            before[k] = context.classIndex(context.rows().get(members.get(k)).predicted());
        }
        int wanted = target == null ? -1 : context.classIndex(target);
        if (target != null && wanted < 0) {
            throw new IllegalArgumentException("check '" + name + "': the model has no class '" + target + "'");
        }
        double[] low = new double[n];
        double[] high = new double[n];
        Arrays.fill(high, maxAmount);
        boolean[] flips = flipped(context, originals, members, high, before, wanted);
        for (int step = 0; step < steps; step++) {
            double[] middle = new double[n];
            for (int k = 0; k < n; k++) {
                middle[k] = (low[k] + high[k]) / 2;
            }
            boolean[] at = flipped(context, originals, members, middle, before, wanted);
            for (int k = 0; k < n; k++) {
                if (at[k]) {
                    high[k] = middle[k];
                } else {
                    low[k] = middle[k];
                }
            }
        }
        double[] strength = new double[n];
        for (int k = 0; k < n; k++) {
            strength[k] = flips[k] ? Math.abs(high[k]) : Math.abs(maxAmount);
        }
        return strength;
    }

    private boolean[] flipped(CheckContext context, List<RasterImage> originals, List<Integer> members,
                              double[] amounts, int[] before, int wanted) {
        List<RasterImage> changed = new ArrayList<>(originals.size());
        for (int k = 0; k < originals.size(); k++) {
            changed.add(new Transformation(kind, amounts[k]).apply(originals.get(k),
                    new SplittableRandom(context.seed() * 1_000_003L + members.get(k))));
        }
        double[][] scored = context.score(changed);
        boolean[] flipped = new boolean[scored.length];
        for (int k = 0; k < scored.length; k++) {
            int now = AuditWorker.argMax(scored[k]);
            flipped[k] = wanted >= 0 ? now == wanted : now != before[k];
        }
        return flipped;
    }

    @Override
    public CheckResult run(CheckContext context) {
        double[] strength = strengths(context);
        double[] sorted = strength.clone();
        Arrays.sort(sorted);
        double value = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1,
                Math.floor(quantile * (sorted.length - 1)))];
        long never = Arrays.stream(strength).filter(s -> s == Math.abs(maxAmount)).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cohort", cohort.describe());
        details.put("transformation", kind + " up to " + maxAmount);
        details.put("images", strength.length);
        details.put("resolution", Math.abs(maxAmount) / Math.pow(2, steps));
        details.put("unflipped", never);
        details.put("strengths", Arrays.stream(sorted).boxed().toList());
        List<AuditRow> members = context.members(cohort).stream().map(context.rows()::get).toList();
        List<Map<String, Object>> easiest = new ArrayList<>();
        Integer[] order = new Integer[strength.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(strength[a], strength[b]));
        for (int i = 0; i < Math.min(InvarianceCheck.LISTED, order.length); i++) {
            easiest.add(Map.of("path", members.get(order[i]).path(), "strength", strength[order[i]]));
        }
        details.put("easiest", easiest);
        return new CheckResult(name, type(), strength.length > 0 && value >= min, value, min, details);
    }
}
