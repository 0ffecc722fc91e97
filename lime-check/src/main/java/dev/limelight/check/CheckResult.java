package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict of one check, as results.json and junit.xml give it; the evidence images and the
 * check's cost go to the report and the console, not to results.json, which depends only on the
 * model, the data, the suite and its seed.
 *
 * @param name      the check's name
 * @param type      its type ({@code threshold}, {@code invariance}, {@code flip}, ...)
 * @param passed    whether its pass rule holds
 * @param value     the measured value the rule compares (a metric, a share, a strength quantile)
 * @param threshold the value it is compared with
 * @param details   the evidence in numbers: counts, intervals, the failing images
 * @param evidence  the images the verdict rests on, most telling first (at most {@link Evidence#KEPT})
 * @param cost      what the check took, or null before it is measured
 */
public record CheckResult(String name, String type, boolean passed, double value, double threshold,
                          Map<String, Object> details, @JsonIgnore List<Evidence> evidence, @JsonIgnore Cost cost) {

    /** Copies the details and evidence. */
    public CheckResult {
        details = Map.copyOf(details);
        evidence = List.copyOf(evidence);
    }

    /** A verdict without evidence images, its cost not yet measured. */
    public CheckResult(String name, String type, boolean passed, double value, double threshold,
                       Map<String, Object> details) {
        this(name, type, passed, value, threshold, details, List.of(), null);
    }

    /** A verdict with evidence images, its cost not yet measured. */
    public CheckResult(String name, String type, boolean passed, double value, double threshold,
                       Map<String, Object> details, List<Evidence> evidence) {
        this(name, type, passed, value, threshold, details, evidence, null);
    }

    /** @return this verdict with its cost */
    public CheckResult withCost(Cost measured) {
        return new CheckResult(name, type, passed, value, threshold, details, evidence, measured);
    }

    /** @return the verdict in one line, for messages and junit.xml */
    public String summary() {
        return String.format(Locale.ROOT, "%s (%s): %s, value %.4g against %.4g", name, type,
                passed ? "passed" : "FAILED", value, threshold);
    }

    /**
     * What a check took.
     *
     * @param seconds      wall time
     * @param modelCalls   model calls (batches)
     * @param imagesScored images the model scored, perturbed samples included
     * @param decodes      image files decoded
     */
    public record Cost(double seconds, long modelCalls, long imagesScored, long decodes) {

        /** @return the cost in words, e.g. "1.2 s, 19 model calls, 600 images scored" */
        public String describe() {
            return String.format(Locale.ROOT, "%.2f s, %d model calls, %d images scored, %d decoded", seconds,
                    modelCalls, imagesScored, decodes);
        }
    }
}
