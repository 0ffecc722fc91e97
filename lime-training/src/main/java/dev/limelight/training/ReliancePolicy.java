package dev.limelight.training;

/**
 * What the listener does when a probe's reliance on its ignored region exceeds the threshold.
 *
 * @param threshold the ignored share (0..1) above which the policy acts
 * @param action    what it does then
 */
public record ReliancePolicy(double threshold, Action action) {

    /** What a policy does above its threshold; every action also logs a warning. */
    public enum Action {
        /** Only warn. */
        WARN,
        /**
         * Stop training (see {@link LimeTrainingListener#shouldStop()} and
         * {@link RelianceExceededException}).
         */
        STOP,
        /**
         * Switch the training data to a fix's stream for the remaining epochs (see
         * {@link LimeTrainingListener#fixRequested()} and
         * {@link dev.limelight.training.fix.FixOnReliance}).
         */
        FIX
    }

    /** Never acts. */
    public static final ReliancePolicy NONE = new ReliancePolicy(2, Action.WARN);

    /** @throws IllegalArgumentException if the threshold is not in [0, 1] (or 2 for none) */
    public ReliancePolicy {
        if (!(threshold >= 0 && threshold <= 1) && threshold != 2) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        java.util.Objects.requireNonNull(action, "action");
    }

    /** Warn above the threshold. */
    public static ReliancePolicy warnAbove(double threshold) {
        return new ReliancePolicy(threshold, Action.WARN);
    }

    /** Stop training above the threshold. */
    public static ReliancePolicy stopAbove(double threshold) {
        return new ReliancePolicy(threshold, Action.STOP);
    }

    /** Switch to a fix's training stream above the threshold. */
    public static ReliancePolicy fixAbove(double threshold) {
        return new ReliancePolicy(threshold, Action.FIX);
    }

    /** @return whether the policy stops training */
    public boolean stop() {
        return action == Action.STOP;
    }
}
