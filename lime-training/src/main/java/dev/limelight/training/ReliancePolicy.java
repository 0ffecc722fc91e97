package dev.limelight.training;

/**
 * What the listener does when a probe's reliance on its ignored region exceeds the threshold.
 *
 * @param threshold the ignored share (0..1) above which the policy acts
 * @param stop      false: log a warning; true: also stop training (see
 *                  {@link LimeTrainingListener#shouldStop()} and {@link RelianceExceededException})
 */
public record ReliancePolicy(double threshold, boolean stop) {

    /** Never acts. */
    public static final ReliancePolicy NONE = new ReliancePolicy(2, false);

    /** @throws IllegalArgumentException if the threshold is not in [0, 1] (or 2 for none) */
    public ReliancePolicy {
        if (!(threshold >= 0 && threshold <= 1) && threshold != 2) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
    }

    /** Warn above the threshold. */
    public static ReliancePolicy warnAbove(double threshold) {
        return new ReliancePolicy(threshold, false);
    }

    /** Stop training above the threshold. */
    public static ReliancePolicy stopAbove(double threshold) {
        return new ReliancePolicy(threshold, true);
    }
}
