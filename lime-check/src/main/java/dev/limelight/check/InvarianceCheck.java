package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.AuditWorker;
import dev.limelight.image.RasterImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
    public boolean needsLabels() {
        return cohort.needsLabels();
    }

    /** A cohort image whose prediction changed, with what it changed to. */
    private record Changed(int image, double[] after) {
    }

    /** @return image {@code i} transformed, seeded by the run's seed and the image */
    private RasterImage transformed(CheckContext context, int i) {
        return transformation.apply(context.image(i), context.random(i));
    }

    @Override
    public CheckResult run(CheckContext context) {
        List<Integer> members = context.members(cohort);
        int unchanged = 0;
        double drop = 0;
        List<Changed> changed = new ArrayList<>();
        int chunk = 256;
        for (int from = 0; from < members.size(); from += chunk) {
            List<Integer> part = members.subList(from, Math.min(members.size(), from + chunk));
            List<RasterImage> transformed = new ArrayList<>(part.size());
            for (int i : part) {
                transformed.add(transformed(context, i));
            }
            double[][] scored = context.score(transformed);
            for (int k = 0; k < part.size(); k++) {
                int i = part.get(k);
                int original = context.predicted(i);
                drop += context.rows().get(i).confidence() - scored[k][original];
                if (AuditWorker.argMax(scored[k]) == original) {
                    unchanged++;
                } else {
                    changed.add(new Changed(i, scored[k]));
                }
            }
            context.progress(name, from + part.size(), members.size());
        }
        changed.sort(Comparator.comparingDouble(c -> c.after()[context.predicted(c.image())]));
        List<Map<String, Object>> failing = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Changed c : changed.subList(0, Math.min(LISTED, changed.size()))) {
            AuditRow row = context.rows().get(c.image());
            int now = AuditWorker.argMax(c.after());
            String after = context.folder().classes().get(now);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", row.path());
            f.put("predicted", row.predicted());
            f.put("probability", row.confidence());
            f.put("predictedAfter", after);
            f.put("probabilityAfter", c.after()[now]);
            f.put("originalClassAfter", c.after()[context.predicted(c.image())]);
            failing.add(f);
            if (evidence.size() < Evidence.KEPT) {
                evidence.add(Evidence.of(row.path(), context.image(c.image()), String.format(Locale.ROOT, "%s %.3f",
                        row.predicted(), row.confidence()), transformed(context, c.image()), String.format(Locale.ROOT,
                        "%s: %s %.3f", transformation.describe(), after, c.after()[now])));
            }
        }
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
        details.put("failing", failing);
        return new CheckResult(name, type(), passed, share, minUnchanged, details, evidence);
    }
}
