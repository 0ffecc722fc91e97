package dev.limelight.tabular;

import dev.limelight.core.ExplainedLabel;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.trust.TrustReport;
import java.util.List;
import java.util.Optional;

/**
 * The explanation of one label of a table row: the conditions of the row that matter most.
 *
 * @param label       the output column
 * @param name        its name
 * @param probability the model's output for it on the row
 * @param surrogate   the K-Lasso surrogate (feature i is feature column i)
 * @param conditions  the selected conditions, by decreasing |weight|
 * @param trust       the trust measures taken
 */
public record TabularLabelExplanation(int label, String name, double probability, LocalExplanation surrogate,
                                      List<ConditionWeight> conditions, TrustReport trust) implements ExplainedLabel {

    /** Copies the conditions. */
    public TabularLabelExplanation {
        conditions = List.copyOf(conditions);
    }

    /** @return the weight of a feature column's condition, if it was selected */
    public Optional<ConditionWeight> weightOf(String column) {
        return conditions.stream().filter(c -> c.column().equals(column)).findFirst();
    }
}
