package dev.limelight.tabular;

/**
 * A condition's weight in a tabular explanation: the explained row meets the condition, and the
 * weight says how much meeting it adds to the explained output.
 *
 * @param feature   the feature column's index
 * @param column    its name
 * @param condition the condition the row meets: {@code "age > 42.00"}, {@code "island = Dream"}
 * @param value     the row's value, in words
 * @param weight    the surrogate's weight
 */
public record ConditionWeight(int feature, String column, String condition, String value, double weight) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s (%+.4f)", condition, weight);
    }
}
