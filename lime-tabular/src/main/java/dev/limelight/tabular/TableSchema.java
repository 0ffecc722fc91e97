package dev.limelight.tabular;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the columns of a table are: the model's feature columns in the order it takes them, each
 * numeric or categorical, and the label column with its classes. Read from a JSON file:
 *
 * <pre>{@code
 * {
 *   "label": "species",
 *   "classes": ["Adelie", "Chinstrap", "Gentoo"],
 *   "columns": [
 *     {"name": "island", "type": "categorical", "categories": ["Biscoe", "Dream", "Torgersen"]},
 *     {"name": "beak_length_mm", "type": "numeric"}
 *   ]
 * }
 * }</pre>
 *
 * <p>A row of the table is held encoded ({@code double[]}, one value per feature column): a numeric
 * column's value, or a categorical column's category index. The network sees each categorical column
 * one-hot, in its place and in the order of its categories ({@link #encodedWidth()}), as DataVec's
 * {@code categoricalToOneHot} writes it.
 *
 * @param columns the feature columns, in the order the model takes them; at least one
 * @param label   the label column's name, or null when the table has none
 * @param classes the classes, in the order of the model's outputs; empty when unknown (then read
 *                from the label column, sorted)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TableSchema(List<Column> columns, String label, List<String> classes) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The kind of a column. */
    public enum ColumnType {
        /** Numbers, discretised into bins for the explanation. */
        NUMERIC,
        /** A fixed set of values, one-hot for the network. */
        CATEGORICAL;

        @JsonValue
        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static ColumnType parse(String text) {
            for (ColumnType type : values()) {
                if (type.json().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown column type '" + text + "': use numeric or categorical");
        }
    }

    /**
     * One feature column.
     *
     * @param name       its name, as in the CSV header
     * @param type       numeric or categorical
     * @param categories for a categorical column, its values in one-hot order (empty: read from the
     *                   data, sorted); empty for a numeric one
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Column(String name, ColumnType type, List<String> categories) {

        /** Checks the name and type; copies the categories. */
        public Column {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a column needs a name");
            }
            Objects.requireNonNull(type, () -> "column '" + name + "' needs a type: numeric or categorical");
            categories = categories == null ? List.of() : List.copyOf(categories);
            if (type == ColumnType.NUMERIC && !categories.isEmpty()) {
                throw new IllegalArgumentException("column '" + name + "' is numeric but lists categories");
            }
            if (new HashSet<>(categories).size() != categories.size()) {
                throw new IllegalArgumentException("column '" + name + "' lists a category twice: " + categories);
            }
        }

        /** @return a numeric column */
        public static Column numeric(String name) {
            return new Column(name, ColumnType.NUMERIC, List.of());
        }

        /** @return a categorical column with its categories in one-hot order */
        public static Column categorical(String name, String... categories) {
            return new Column(name, ColumnType.CATEGORICAL, List.of(categories));
        }

        /** @return whether the column is categorical */
        public boolean isCategorical() {
            return type == ColumnType.CATEGORICAL;
        }

        /** @return how the network sees it: 1 value for a numeric column, one per category else */
        public int encodedWidth() {
            return isCategorical() ? categories.size() : 1;
        }

        /** @return an encoded value in words: the number, or the category's name */
        public String display(double value) {
            if (isCategorical()) {
                int index = (int) value;
                return index >= 0 && index < categories.size() && index == value ? categories.get(index)
                        : "category " + value;
            }
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }

    /** Checks the columns and label; copies the lists. */
    public TableSchema {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one feature column");
        }
        columns = List.copyOf(columns);
        classes = classes == null ? List.of() : List.copyOf(classes);
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' is listed twice");
            }
        }
        if (label != null && names.contains(label)) {
            throw new IllegalArgumentException("the label column '" + label + "' is also a feature column");
        }
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("a class is listed twice: " + classes);
        }
    }

    /**
     * Reads a schema file.
     *
     * @param file the JSON file
     * @return the schema
     * @throws IllegalArgumentException naming the file, if it is missing or not a valid schema
     */
    public static TableSchema read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("schema file not found: " + file);
        }
        try {
            return JSON.readValue(file.toFile(), TableSchema.class);
        } catch (IOException | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException("cannot read the schema " + file + ": "
                    + (cause instanceof IllegalArgumentException ? cause.getMessage() : firstLine(e.getMessage())), e);
        }
    }

    /**
     * Writes the schema as JSON.
     *
     * @param file the file
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        dev.limelight.core.report.AtomicFiles.write(file,
                out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, this));
    }

    /** @return the number of feature columns */
    public int columnCount() {
        return columns.size();
    }

    /** @return feature column {@code j} */
    public Column column(int j) {
        return columns.get(j);
    }

    /** @return the index of the feature column of that name, if there is one */
    public Optional<Integer> indexOf(String name) {
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).name().equals(name)) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    /** @return the label column's name, if the table has one */
    @JsonIgnore
    public Optional<String> labelColumn() {
        return Optional.ofNullable(label);
    }

    /** @return the width of the network's input: the numeric columns plus every categorical one's categories */
    public int encodedWidth() {
        return columns.stream().mapToInt(Column::encodedWidth).sum();
    }

    /** @return this schema with the given categories for the categorical columns that listed none, and classes */
    TableSchema withLearnt(List<List<String>> categories, List<String> learntClasses) {
        List<Column> filled = new ArrayList<>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            filled.add(c.isCategorical() && c.categories().isEmpty()
                    ? new Column(c.name(), c.type(), categories.get(j)) : c);
        }
        return new TableSchema(filled, label, classes.isEmpty() ? learntClasses : classes);
    }

    /**
     * The network's input for encoded rows: numeric values as they are, categorical columns one-hot.
     *
     * @param rows encoded rows, one value per feature column
     * @return rows x {@link #encodedWidth()}
     * @throws IllegalArgumentException for a row of the wrong length or a category index out of range
     */
    public float[][] oneHot(double[][] rows) {
        int width = encodedWidth();
        float[][] encoded = new float[rows.length][width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != columns.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values; the schema has "
                        + columns.size() + " feature columns");
            }
            int at = 0;
            for (int j = 0; j < columns.size(); j++) {
                Column c = columns.get(j);
                if (c.isCategorical()) {
                    int index = (int) rows[i][j];
                    if (index != rows[i][j] || index < 0 || index >= c.categories().size()) {
                        throw new IllegalArgumentException("row " + i + ": '" + c.name() + "' holds category index "
                                + rows[i][j] + "; it has " + c.categories().size() + " categories");
                    }
                    encoded[i][at + index] = 1;
                } else {
                    encoded[i][at] = (float) rows[i][j];
                }
                at += c.encodedWidth();
            }
        }
        return encoded;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
