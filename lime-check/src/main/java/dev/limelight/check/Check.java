package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

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
    @JsonSubTypes.Type(value = NoRelianceCheck.class, name = "no-reliance")
})
public sealed interface Check permits ThresholdCheck, InvarianceCheck, ExpectedLabelCheck, FlipCheck,
        NoRelianceCheck {

    /** @return the check's name, unique in its suite */
    String name();

    /** @return its type, as suite files and results name it */
    String type();

    /** @return the verdict over the context's images */
    CheckResult run(CheckContext context);
}
