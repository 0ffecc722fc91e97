package dev.limelight.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the names of a model's classes from a file, in one of two formats, told apart by the first
 * non-blank character:
 * <ul>
 *   <li>a Keras {@code imagenet_class_index.json}-style object: {@code {"0": ["n01440764", "tench"],
 *       "1": [...], ...}}; the keys are the class indices 0..K-1, the name is the last element of
 *       each array (a plain string value is taken as it is);</li>
 *   <li>otherwise plain UTF-8 text, one name per line, class 0 first; trailing blank lines are
 *       ignored, a blank line between names is an error.</li>
 * </ul>
 */
public final class ClassNames {

    private ClassNames() {
    }

    /**
     * @param file a class index JSON file or a text file with one name per line
     * @return the names, class 0 first
     * @throws IllegalArgumentException if the file is missing, empty, or malformed (naming the line
     *                                  or key)
     */
    public static List<String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read class names from " + file + ": " + e, e);
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("class names file " + file + " is empty");
        }
        return trimmed.startsWith("{") ? fromClassIndexJson(text, file.toString()) : fromLines(text, file.toString());
    }

    /**
     * Parses an {@code imagenet_class_index.json}-style object.
     *
     * @param json   the JSON text
     * @param source names the text in messages
     * @return the names, class 0 first
     * @throws IllegalArgumentException if it is not such an object or its keys are not 0..K-1
     */
    public static List<String> fromClassIndexJson(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("class names " + source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("class names " + source + ": expected a JSON object {\"0\": [id, name], ...}");
        }
        Map<Integer, String> byIndex = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            int index;
            try {
                index = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("class names " + source + ": key '" + entry.getKey()
                        + "' is not a class index", e);
            }
            JsonNode value = entry.getValue();
            String name;
            if (value.isTextual()) {
                name = value.asText();
            } else if (value.isArray() && value.size() > 0 && value.get(value.size() - 1).isTextual()) {
                name = value.get(value.size() - 1).asText();
            } else {
                throw new IllegalArgumentException("class names " + source + ": the value of key '" + entry.getKey()
                        + "' is neither a name nor an array ending with one");
            }
            byIndex.put(index, name);
        }
        List<String> names = new ArrayList<>(byIndex.values());
        for (int i = 0; i < names.size(); i++) {
            if (!byIndex.containsKey(i)) {
                throw new IllegalArgumentException("class names " + source + ": class index " + i
                        + " is missing (the keys must be 0.." + (names.size() - 1) + ")");
            }
        }
        return List.copyOf(names);
    }

    /**
     * Parses one name per line.
     *
     * @param text   the lines
     * @param source names the text in messages
     * @return the names, class 0 first, each stripped of surrounding white space
     * @throws IllegalArgumentException if a line between names is blank, or there is no name
     */
    public static List<String> fromLines(String text, String source) {
        List<String> lines = new ArrayList<>(text.lines().map(String::strip).collect(Collectors.toList()));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("class names " + source + " holds no name");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                throw new IllegalArgumentException("class names " + source + ": line " + (i + 1)
                        + " is blank (one name per line, class 0 first)");
            }
        }
        return List.copyOf(lines);
    }

    /**
     * @param count K
     * @return "class 0", ..., "class K-1"
     */
    public static List<String> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> "class " + i).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Checks that there is one name per model output.
     *
     * @param names      class names
     * @param classCount the model's output count K
     * @param model      names the model in the message
     * @return {@code names}
     * @throws IllegalArgumentException if the counts differ
     */
    public static List<String> requireCount(List<String> names, int classCount, String model) {
        if (names.size() != classCount) {
            throw new IllegalArgumentException(names.size() + " class names given, but " + model + " has "
                    + classCount + " outputs");
        }
        return names;
    }
}
