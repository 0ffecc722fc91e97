package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.limelight.audit.AuditRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A metric over a cohort above a floor or below a ceiling: {@code accuracy}, or for one
 * {@code class}: {@code precision}, {@code recall} or {@code f1}. The result gives the metric's 95 %
 * Wilson interval where the metric is a proportion (accuracy, precision, recall); the rule compares the
 * metric itself.
 *
 * @param name   the check's name
 * @param metric accuracy, precision, recall or f1
 * @param className the class of a per-class metric ({@code class} in the file)
 * @param cohort the images (default all)
 * @param min    the least value that passes, or null
 * @param max    the greatest value that passes, or null
 */
public record ThresholdCheck(String name, String metric, @JsonProperty("class") String className,
                             Cohort cohort, Double min, Double max) implements Check {

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public ThresholdCheck {
        Objects.requireNonNull(name, "name");
        if (metric == null || !List.of("accuracy", "precision", "recall", "f1").contains(metric)) {
            throw new IllegalArgumentException("metric must be accuracy, precision, recall or f1, got " + metric);
        }
        if (!metric.equals("accuracy") && className == null) {
            throw new IllegalArgumentException(metric + " is per class: name the class with 'class'");
        }
        if ((min == null) == (max == null)) {
            throw new IllegalArgumentException("give exactly one of min and max");
        }
        cohort = cohort == null ? Cohort.ALL : cohort;
    }

    @Override
    @JsonIgnore
    public String type() {
        return "threshold";
    }

    @Override
    public CheckResult run(CheckContext context) {
        List<AuditRow> rows = context.members(cohort).stream().map(context.rows()::get).toList();
        if (className != null && context.classIndex(className) < 0) {
            throw new IllegalArgumentException("check '" + name + "': the model has no class '" + className + "'");
        }
        long truePositive = rows.stream().filter(r -> r.correct() && r.label().equals(className)).count();
        long predictedAs = rows.stream().filter(r -> r.predicted().equals(className)).count();
        long actual = rows.stream().filter(r -> r.label().equals(className)).count();
        long correct = rows.stream().filter(AuditRow::correct).count();
        long successes;
        long trials;
        switch (metric) {
            case "accuracy" -> {
                successes = correct;
                trials = rows.size();
            }
            case "precision" -> {
                successes = truePositive;
                trials = predictedAs;
            }
            case "recall" -> {
                successes = truePositive;
                trials = actual;
            }
            default -> {
                successes = 2 * truePositive;
                trials = predictedAs + actual;
            }
        }
        double value = trials == 0 ? 0 : (double) successes / trials;
        boolean passed = trials > 0 && (min != null ? value >= min : value <= max);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cohort", cohort.describe());
        details.put("images", rows.size());
        details.put("rule", metric + (className != null ? " of " + className : "") + (min != null ? " >= " + min : " <= " + max));
        if (trials > 0 && !metric.equals("f1")) {
            var interval = new WilsonScoreInterval().createInterval((int) trials, (int) successes, 0.95);
            details.put("ci", List.of(interval.getLowerBound(), interval.getUpperBound()));
        }
        if (trials == 0) {
            details.put("problem", String.format(Locale.ROOT, "no image to measure %s on", metric));
        }
        return new CheckResult(name, type(), passed, value, min != null ? min : max, details);
    }
}
