package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.AuditWorker;
import dev.limelight.image.RasterImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A change that should not change the prediction: every cohort image is transformed and scored (in
 * batches); the check passes when at least {@code minUnchanged} of the predictions stay the same and
 * the mean drop of the original class's probability stays at most {@code maxMeanDrop}. The failing
 * images (prediction changed) are listed with both probabilities, most changed first.
 *
 * @param name           the check's name
 * @param transformation the change
 * @param cohort         the images (default all)
 * @param minUnchanged   the least share of unchanged predictions (default 0.95)
 * @param maxMeanDrop    the greatest mean drop of the original class's probability (default 0.05)
 */
public record InvarianceCheck(String name, Transformation transformation, Cohort cohort, Double minUnchanged,
                              Double maxMeanDrop) implements Check {

    /** The most failing images a result lists. */
    public static final int LISTED = 20;

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public InvarianceCheck {
        Objects.requireNonNull(name, "name");
        if (transformation == null) {
            throw new IllegalArgumentException("an invariance check needs a transformation");
        }
        cohort = cohort == null ? Cohort.ALL : cohort;
        minUnchanged = minUnchanged == null ? 0.95 : minUnchanged;
        maxMeanDrop = maxMeanDrop == null ? 0.05 : maxMeanDrop;
        if (!(minUnchanged >= 0 && minUnchanged <= 1)) {
            throw new IllegalArgumentException("minUnchanged must be in [0, 1], got " + minUnchanged);
        }
    }

    @Override
    @JsonIgnore
    public String type() {
        return "invariance";
    }

    @Override
    public CheckResult run(CheckContext context) {
        List<Integer> members = context.members(cohort);
        List<RasterImage> changed = new ArrayList<>(members.size());
        for (int i : members) {
            changed.add(transformation.apply(context.image(i), new SplittableRandom(context.seed() * 1_000_003L + i)));
        }
        double[][] scored = context.score(changed);
        int unchanged = 0;
        double drop = 0;
        List<Map<String, Object>> failing = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            AuditRow row = context.rows().get(members.get(k));
            int original = context.classIndex(row.predicted());
            int now = AuditWorker.argMax(scored[k]);
            drop += row.confidence() - scored[k][original];
            if (now == original) {
                unchanged++;
            } else {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("path", row.path());
                f.put("predicted", row.predicted());
                f.put("probability", row.confidence());
                f.put("predictedAfter", context.folder().classes().get(now));
                f.put("probabilityAfter", scored[k][now]);
                f.put("originalClassAfter", scored[k][original]);
                failing.add(f);
            }
        }
        failing.sort((a, b) -> Double.compare((double) a.get("originalClassAfter"), (double) b.get("originalClassAfter")));
        double share = members.isEmpty() ? 0 : (double) unchanged / members.size();
        double meanDrop = members.isEmpty() ? 0 : drop / members.size();
        boolean passed = !members.isEmpty() && share >= minUnchanged && meanDrop <= maxMeanDrop;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cohort", cohort.describe());
        details.put("transformation", transformation.describe());
        details.put("images", members.size());
        details.put("unchanged", unchanged);
        details.put("meanDrop", meanDrop);
        details.put("maxMeanDrop", maxMeanDrop);
        details.put("failing", failing.subList(0, Math.min(LISTED, failing.size())));
        return new CheckResult(name, type(), passed, share, minUnchanged, details);
    }
}
