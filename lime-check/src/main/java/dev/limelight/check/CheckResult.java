package dev.limelight.check;

import java.util.Map;

/**
 * The verdict of one check, as results.json and junit.xml give it.
 *
 * @param name      the check's name
 * @param type      its type ({@code threshold}, {@code invariance}, {@code expected-label})
 * @param passed    whether its pass rule holds
 * @param value     the measured value the rule compares (a metric, a share)
 * @param threshold the value it is compared with
 * @param details   the evidence: counts, intervals, the failing images
 */
public record CheckResult(String name, String type, boolean passed, double value, double threshold,
                          Map<String, Object> details) {

    /** Copies the details. */
    public CheckResult {
        details = Map.copyOf(details);
    }

    /** @return the verdict in one line, for messages and junit.xml */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%s (%s): %s, value %.4g against %.4g", name, type,
                passed ? "passed" : "FAILED", value, threshold);
    }
}
