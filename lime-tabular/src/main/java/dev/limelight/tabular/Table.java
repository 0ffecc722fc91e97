package dev.limelight.tabular;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Writable;

/**
 * A table's rows, encoded by its schema (a numeric column's value, a categorical column's category
 * index), with their labels when the table has a label column. Read from a CSV file with a header
 * line through DataVec's {@link CSVRecordReader}; columns the schema does not name are ignored.
 *
 * @param schema the schema, with the categories and classes it left open filled in from the data
 * @param rows   the encoded rows, one value per feature column
 * @param labels each row's class index, or an empty array when the table has no label column
 * @param source where the rows came from, for messages
 */
public record Table(TableSchema schema, double[][] rows, int[] labels, String source) {

    /** Checks the shapes; copies the arrays. */
    public Table {
        if (rows.length == 0) {
            throw new IllegalArgumentException(source + " has no row");
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != schema.columnCount()) {
                throw new IllegalArgumentException(source + ": row " + i + " has " + rows[i].length
                        + " values; the schema has " + schema.columnCount() + " feature columns");
            }
            copy[i] = rows[i].clone();
        }
        rows = copy;
        labels = labels.clone();
        if (labels.length != 0 && labels.length != rows.length) {
            throw new IllegalArgumentException(source + ": " + labels.length + " labels for " + rows.length + " rows");
        }
    }

    /**
     * Reads a CSV file with a header line.
     *
     * @param file   the CSV file: comma-separated, double quotes around values with commas
     * @param schema which columns are features (numeric or categorical) and which is the label
     * @return the table
     * @throws IllegalArgumentException naming the file, and the line and column where it applies: a
     *                                  missing file or column, an empty file, a value that is not a
     *                                  number in a numeric column, a category or class the schema does
     *                                  not list
     */
    public static Table read(Path file, TableSchema schema) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("table not found: " + file);
        }
        List<List<Writable>> records = new ArrayList<>();
        try (CSVRecordReader reader = new CSVRecordReader(0, ',', '"')) {
            reader.initialize(new FileSplit(file.toFile()));
            while (reader.hasNext()) {
                records.add(reader.next());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the table " + file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: a table needs a header line and rows");
        }
        List<String> header = records.get(0).stream().map(w -> w.toString().trim()).toList();
        int[] at = new int[schema.columnCount()];
        for (int j = 0; j < at.length; j++) {
            String name = schema.column(j).name();
            at[j] = header.indexOf(name);
            if (at[j] < 0) {
                throw new IllegalArgumentException(file + " has no column '" + name + "' (its header: " + header + ")");
            }
        }
        int labelAt = schema.labelColumn().map(header::indexOf).orElse(-1);
        List<String[]> cells = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<Writable> record = records.get(r);
            if (record.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + (r + 1) + " has " + record.size()
                        + " values; the header has " + header.size());
            }
            String[] row = new String[at.length + 1];
            for (int j = 0; j < at.length; j++) {
                row[j] = record.get(at[j]).toString().trim();
            }
            row[at.length] = labelAt >= 0 ? record.get(labelAt).toString().trim() : null;
            cells.add(row);
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(file + " has a header but no row");
        }
        TableSchema filled = schema.withLearnt(learntCategories(schema, cells),
                labelAt >= 0 ? new ArrayList<>(new TreeSet<>(cells.stream().map(c -> c[at.length]).toList())) : List.of());
        double[][] rows = new double[cells.size()][at.length];
        int[] labels = labelAt >= 0 ? new int[cells.size()] : new int[0];
        List<Map<String, Integer>> indices = new ArrayList<>();
        for (TableSchema.Column column : filled.columns()) {
            indices.add(indexOf(column.categories()));
        }
        Map<String, Integer> classes = indexOf(filled.classes());
        for (int i = 0; i < cells.size(); i++) {
            String[] row = cells.get(i);
            int line = i + 2;
            for (int j = 0; j < at.length; j++) {
                TableSchema.Column column = filled.column(j);
                if (column.isCategorical()) {
                    Integer index = indices.get(j).get(row[j]);
                    if (index == null) {
                        throw new IllegalArgumentException(file + " line " + line + ": '" + column.name() + "' is '"
                                + row[j] + "', which the schema does not list (" + column.categories() + ")");
                    }
                    rows[i][j] = index;
                } else {
                    rows[i][j] = number(row[j], file, line, column.name());
                }
            }
            if (labelAt >= 0) {
                Integer label = classes.get(row[at.length]);
                if (label == null) {
                    throw new IllegalArgumentException(file + " line " + line + ": the label '" + row[at.length]
                            + "' is not one of the schema's classes " + filled.classes());
                }
                labels[i] = label;
            }
        }
        return new Table(filled, rows, labels, file.toString());
    }

    /** @return the number of rows */
    public int size() {
        return rows.length;
    }

    /** @return whether the rows have labels */
    public boolean hasLabels() {
        return labels.length > 0;
    }

    /** @return a copy of row {@code i} */
    public double[] row(int i) {
        if (i < 0 || i >= rows.length) {
            throw new IllegalArgumentException("row " + i + " is out of range: " + source + " has " + rows.length
                    + " rows (0 to " + (rows.length - 1) + ")");
        }
        return rows[i].clone();
    }

    @Override
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** @return the values of feature column {@code j}, one per row */
    public double[] column(int j) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = rows[i][j];
        }
        return values;
    }

    private static List<List<String>> learntCategories(TableSchema schema, List<String[]> cells) {
        List<List<String>> learnt = new ArrayList<>();
        for (int j = 0; j < schema.columnCount(); j++) {
            int column = j;
            learnt.add(schema.column(j).isCategorical()
                    ? new ArrayList<>(new TreeSet<>(cells.stream().map(c -> c[column]).toList())) : List.of());
        }
        return learnt;
    }

    private static Map<String, Integer> indexOf(List<String> values) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            index.put(values.get(i), i);
        }
        return index;
    }

    private static double number(String text, Path file, int line, String column) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + " line " + line + ": '" + column + "' is '" + text
                + "', not a number" + (text.isEmpty() ? " (a missing value: Limelight needs complete rows)" : ""));
    }
}
