package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One test of a model, as a suite file names it by its {@code type}. Each runs over a
 * {@link CheckContext} and gives a {@link CheckResult}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ThresholdCheck.class, name = "threshold"),
    @JsonSubTypes.Type(value = InvarianceCheck.class, name = "invariance"),
    @JsonSubTypes.Type(value = ExpectedLabelCheck.class, name = "expected-label"),
    @JsonSubTypes.Type(value = FlipCheck.class, name = "flip"),
    @JsonSubTypes.Type(value = NoRelianceCheck.class, name = "no-reliance"),
    @JsonSubTypes.Type(value = OnObjectCheck.class, name = "on-object"),
    @JsonSubTypes.Type(value = StableCheck.class, name = "stable"),
    @JsonSubTypes.Type(value = NoRegressionCheck.class, name = "no-regression")
})
public sealed interface Check permits ThresholdCheck, InvarianceCheck, ExpectedLabelCheck, FlipCheck,
        NoRelianceCheck, OnObjectCheck, StableCheck, NoRegressionCheck {

    /** The type names, as suite files write them. */
    List<String> TYPES = List.of("threshold", "invariance", "flip", "expected-label", "no-reliance", "on-object",
            "stable", "no-regression");

    /** @return the check's name, unique in its suite */
    String name();

    /** @return its type, as suite files and results name it */
    String type();

    /**
     * @return whether the check needs the images' labels (a metric against them, a cohort of a
     *         label); a flat folder of unlabelled images runs only the checks that do not
     */
    @JsonIgnore
    default boolean needsLabels() {
        return false;
    }

    /** @return the verdict over the context's images */
    CheckResult run(CheckContext context);
}
