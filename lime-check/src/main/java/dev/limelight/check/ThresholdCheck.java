package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.limelight.audit.AuditRow;
import dev.limelight.models.calibration.ReliabilityBins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A metric over a cohort above a floor or below a ceiling: {@code accuracy}, the expected
 * calibration error {@code ece} (15 equal-width confidence bins), or for one {@code class}:
 * {@code precision}, {@code recall} or {@code f1}. The result gives the metric's 95 % interval: the
 * Wilson interval where the metric is a proportion (accuracy, precision, recall), a percentile
 * bootstrap ({@link #BOOTSTRAP} resamples of the cohort, seeded by the suite's seed) for f1 and ece;
 * the rule compares the metric itself. Needs labelled images.
 *
 * @param name   the check's name
 * @param metric accuracy, precision, recall, f1 or ece
 * @param className the class of a per-class metric ({@code class} in the file)
 * @param cohort the images (default all)
 * @param min    the least value that passes, or null
 * @param max    the greatest value that passes, or null
 */
public record ThresholdCheck(String name, String metric, @JsonProperty("class") String className,
                             Cohort cohort, Double min, Double max) implements Check {

    /** The metrics, as suite files name them. */
    public static final List<String> METRICS = List.of("accuracy", "precision", "recall", "f1", "ece");

    /** Bootstrap resamples of the f1 and ece intervals. */
    public static final int BOOTSTRAP = 200;

    private static final List<String> PER_CLASS = List.of("precision", "recall", "f1");

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public ThresholdCheck {
        Objects.requireNonNull(name, "name");
        if (metric == null || !METRICS.contains(metric)) {
            throw new IllegalArgumentException("metric must be accuracy, precision, recall, f1 or ece, got " + metric);
        }
        if (PER_CLASS.contains(metric) && className == null) {
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
    public boolean needsLabels() {
        return true;
    }

    @Override
    public CheckResult run(CheckContext context) {
        List<AuditRow> rows = context.members(cohort).stream().map(context.rows()::get).toList();
        if (className != null && context.classIndex(className) < 0) {
            throw new IllegalArgumentException("check '" + name + "': the model has no class '" + className + "'");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cohort", cohort.describe());
        details.put("images", rows.size());
        details.put("rule", metric + (className != null ? " of " + className : "") + (min != null ? " >= " + min
                : " <= " + max));
        double threshold = min != null ? min : max;
        long[] counts = counts(rows);
        if (counts[1] == 0) {
            details.put("problem", String.format(Locale.ROOT, "no image to measure %s on", metric));
            return new CheckResult(name, type(), false, 0, threshold, details);
        }
        double value = measure(rows, context);
        switch (metric) {
            case "accuracy", "precision", "recall" -> {
                var interval = new WilsonScoreInterval().createInterval((int) counts[1], (int) counts[0], 0.95);
                details.put("ci", List.of(interval.getLowerBound(), interval.getUpperBound()));
            }
            default -> details.put("ci", bootstrap(rows, context));
        }
        boolean passed = min != null ? value >= min : value <= max;
        return new CheckResult(name, type(), passed, value, threshold, details);
    }

    /** @return {successes, trials} of a proportion metric (f1: twice the true positives, predicted plus actual) */
    private long[] counts(List<AuditRow> rows) {
        long truePositive = rows.stream().filter(r -> r.correct() && r.label().equals(className)).count();
        long predictedAs = rows.stream().filter(r -> r.predicted().equals(className)).count();
        long actual = rows.stream().filter(r -> className != null && className.equals(r.label())).count();
        return switch (metric) {
            case "accuracy", "ece" -> new long[] {rows.stream().filter(AuditRow::correct).count(), rows.size()};
            case "precision" -> new long[] {truePositive, predictedAs};
            case "recall" -> new long[] {truePositive, actual};
            default -> new long[] {2 * truePositive, predictedAs + actual};
        };
    }

    private double measure(List<AuditRow> rows, CheckContext context) {
        if (metric.equals("ece")) {
            double[][] probabilities = rows.stream().map(AuditRow::probabilities).toArray(double[][]::new);
            int[] labels = rows.stream().mapToInt(r -> context.classIndex(r.label())).toArray();
            try (INDArray p = Nd4j.createFromArray(probabilities)) {
                return ReliabilityBins.of(p, labels).expectedCalibrationError();
            }
        }
        long[] c = counts(rows);
        return c[1] == 0 ? 0 : (double) c[0] / c[1];
    }

    /** @return the 2.5 % and 97.5 % percentiles of the metric over resamples of the rows */
    private List<Double> bootstrap(List<AuditRow> rows, CheckContext context) {
        SplittableRandom random = new SplittableRandom(context.seed());
        double[] resampled = new double[BOOTSTRAP];
        for (int b = 0; b < BOOTSTRAP; b++) {
            AuditRow[] sample = new AuditRow[rows.size()];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = rows.get(random.nextInt(rows.size()));
            }
            resampled[b] = measure(List.of(sample), context);
        }
        Percentile percentile = new Percentile();
        return List.of(percentile.evaluate(resampled, 2.5), percentile.evaluate(resampled, 97.5));
    }
}
