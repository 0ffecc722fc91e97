package dev.limelight.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.core.Neighbourhood;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A neighbourhood saved as JSON in the reference's golden-vector format: {@code neighborhood_data}
 * (N x d), {@code neighborhood_labels} (N x K), {@code distances} (N), and optionally
 * {@code kernel_width} and {@code label}.
 *
 * @param neighbourhood the samples, predictions and distances
 * @param kernelWidth   the kernel width stored in the file, if any
 * @param label         the label stored in the file, if any
 */
public record NeighbourhoodFile(Neighbourhood neighbourhood, OptionalDouble kernelWidth, OptionalInt label) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a neighbourhood file.
     *
     * @throws BadInputException if the file is missing, not JSON, lacks a field or holds bad values
     */
    public static NeighbourhoodFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("neighbourhood file not found: " + file);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            Neighbourhood neighbourhood = Neighbourhood.of(
                    matrix(root, "neighborhood_data"), matrix(root, "neighborhood_labels"), vector(root, "distances"));
            OptionalDouble width = root.hasNonNull("kernel_width")
                    ? OptionalDouble.of(root.get("kernel_width").asDouble()) : OptionalDouble.empty();
            OptionalInt label = root.hasNonNull("label")
                    ? OptionalInt.of(root.get("label").asInt()) : OptionalInt.empty();
            return new NeighbourhoodFile(neighbourhood, width, label);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    private static double[][] matrix(JsonNode root, String field) {
        JsonNode rows = require(root, field);
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = numbers(rows.get(i), field + "[" + i + "]");
        }
        return m;
    }

    private static double[] vector(JsonNode root, String field) {
        return numbers(require(root, field), field);
    }

    private static JsonNode require(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("the field '" + field + "' (an array) is missing");
        }
        return node;
    }

    private static double[] numbers(JsonNode array, String where) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(where + " is not an array of numbers");
        }
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode value = array.get(i);
            if (!value.isNumber()) {
                throw new IllegalArgumentException(where + "[" + i + "] is not a number: " + value);
            }
            v[i] = value.asDouble();
        }
        return v;
    }
}
