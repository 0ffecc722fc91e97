package dev.limelight.training;

/**
 * Thrown out of the network's {@code fit} by a listener whose {@link ReliancePolicy} says stop,
 * when a probe relies on its ignored region more than allowed. Training loops that call
 * {@code fit} once per epoch can check {@link LimeTrainingListener#shouldStop()} instead.
 */
public class RelianceExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RelianceRecord record;

    /** @param record the checkpoint that exceeded the threshold */
    public RelianceExceededException(RelianceRecord record, double threshold) {
        super(String.format(java.util.Locale.ROOT, "probe %s puts %.0f %% of its positive weight in the region that "
                + "should not matter (threshold %.0f %%) at epoch %d", record.probe(), 100 * record.ignoredShare(),
                100 * threshold, record.epoch()));
        this.record = record;
    }

    /** @return the checkpoint that exceeded the threshold */
    public RelianceRecord record() {
        return record;
    }
}
