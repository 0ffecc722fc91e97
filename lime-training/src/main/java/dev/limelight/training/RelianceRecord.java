package dev.limelight.training;

import java.util.List;

/**
 * One probe at one checkpoint.
 *
 * @param epoch           epochs finished when the checkpoint was taken
 * @param iteration       iterations finished
 * @param probe           the probe's name
 * @param predicted       the class the model predicts for the probe
 * @param probability     the model's probability for the tracked label
 * @param ignoredShare    share of the explanation's positive weight that falls in the ignored region,
 *                        in [0, 1] (0 when no weight is positive)
 * @param topSegments     the 3 segments of largest weight
 * @param stability       top-3 agreement across seeds, or NaN when not measured
 * @param accuracy        accuracy on the evaluation data, or NaN without any
 * @param millis          time this probe took
 */
public record RelianceRecord(int epoch, long iteration, String probe, int predicted, double probability,
                             double ignoredShare, List<Integer> topSegments, double stability, double accuracy,
                             double millis) {

    /** Copies the list. */
    public RelianceRecord {
        topSegments = List.copyOf(topSegments);
    }
}
