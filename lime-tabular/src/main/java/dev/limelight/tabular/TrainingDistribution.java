package dev.limelight.tabular;

import java.util.ArrayList;
import java.util.List;

/**
 * What the explainer learns from training data, column by column: numeric columns' bins and their
 * statistics, categorical columns' frequencies. The reference {@code LimeTabularExplainer} learns the
 * same from its {@code training_data}.
 *
 * @param schema      the table's schema
 * @param discretizer how the numeric columns were binned
 * @param columns     one distribution per feature column, in the schema's order
 * @param rows        the number of training rows
 */
public record TrainingDistribution(TableSchema schema, Discretizer discretizer, List<ColumnDistribution> columns,
                                   int rows) {

    /** Checks that there is one distribution per column; copies the list. */
    public TrainingDistribution {
        java.util.Objects.requireNonNull(discretizer, "discretizer");
        columns = List.copyOf(columns);
        if (columns.size() != schema.columnCount()) {
            throw new IllegalArgumentException(columns.size() + " column distributions for " + schema.columnCount()
                    + " feature columns");
        }
    }

    /**
     * Learns the distributions from a training table.
     *
     * @param training    the training rows (with labels for {@link Discretizer#ENTROPY})
     * @param discretizer how numeric columns are binned
     * @return the distributions
     * @throws IllegalArgumentException for entropy bins of a table without labels
     */
    public static TrainingDistribution of(Table training, Discretizer discretizer) {
        if (discretizer.needsLabels() && !training.hasLabels()) {
            throw new IllegalArgumentException("entropy bins are learnt from labels, and " + training.source()
                    + " has no label column");
        }
        int[] labels = training.hasLabels() ? training.labels() : null;
        TableSchema schema = training.schema();
        List<ColumnDistribution> columns = new ArrayList<>();
        for (int j = 0; j < schema.columnCount(); j++) {
            TableSchema.Column column = schema.column(j);
            double[] values = training.column(j);
            columns.add(column.isCategorical()
                    ? CategoricalDistribution.fit(column.name(), column.categories(), values)
                    : NumericDistribution.fit(column.name(), values, labels, discretizer));
        }
        return new TrainingDistribution(schema, discretizer, columns, training.size());
    }

    /** @return the distribution of feature column {@code j} */
    public ColumnDistribution column(int j) {
        return columns.get(j);
    }

    /** @return the number of feature columns */
    public int columnCount() {
        return columns.size();
    }
}
