package dev.limelight.audit.slices;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A cohort of audit rows whose accuracy falls short, with the evidence that it is not chance.
 *
 * @param description      the cohort in words
 * @param support          rows in the cohort
 * @param accuracy         its accuracy
 * @param restAccuracy     the accuracy of the other rows
 * @param expectedAccuracy what its accuracy would be if its rows were as accurate as the other rows
 *                         of their classes (the class mix explains that much of the gap); for a class
 *                         cohort, the rest's accuracy
 * @param ci               the 95 % Wilson score interval of its accuracy
 * @param pValue           the one-sided p-value of its shortfall, Holm-corrected over every cohort
 *                         tested (stratified by class: a Cochran-Mantel-Haenszel test)
 * @param significant      whether {@code pValue} is below the family-wise error rate
 * @param members          the indices of its rows
 * @param cohort           the cohort itself
 */
public record Slice(String description, int support, double accuracy, double restAccuracy, double expectedAccuracy,
                    double[] ci, double pValue, boolean significant, List<Integer> members,
                    @JsonIgnore Cohort cohort) {

    /** Copies the interval and the members. */
    public Slice {
        ci = ci.clone();
        members = List.copyOf(members);
    }

    /** @return the shortfall against the expected accuracy */
    @JsonIgnore
    public double gap() {
        return expectedAccuracy - accuracy;
    }

    /**
     * @return the mistakes the slice holds beyond what its expected accuracy predicts (support x
     *         shortfall): how much fixing it would gain, the order slices are reported in
     */
    @JsonProperty
    public double excessErrors() {
        return support * gap();
    }

    @Override
    public double[] ci() {
        return ci.clone();
    }
}
