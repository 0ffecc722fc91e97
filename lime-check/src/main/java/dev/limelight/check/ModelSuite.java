package dev.limelight.check;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.core.ImageClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A suite of model tests, read from a YAML or JSON file (the same structure) or built in Java:
 *
 * <pre>
 * seed: 0
 * tests:
 *   - name: accuracy
 *     type: threshold
 *     metric: accuracy
 *     min: 0.85
 *   - name: mirrored shirts are shirts
 *     type: invariance
 *     cohort: {label: Shirt}
 *     transformation: {kind: hflip}
 *     minUnchanged: 0.9
 * </pre>
 *
 * @param seed  the seed of every random choice (default 0)
 * @param tests the checks, with distinct names
 */
public record ModelSuite(long seed, List<Check> tests) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @throws IllegalArgumentException without tests, or with two of the same name */
    public ModelSuite {
        if (tests == null || tests.isEmpty()) {
            throw new IllegalArgumentException("a suite needs at least one test under 'tests'");
        }
        tests = List.copyOf(tests);
        Set<String> names = new HashSet<>();
        for (Check t : tests) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("two tests are named '" + t.name() + "'");
            }
        }
    }

    /**
     * @param file a suite file: {@code .json} is read as JSON, anything else as YAML
     * @return the suite
     * @throws IllegalArgumentException naming the file, the test and the field of the first problem
     */
    public static ModelSuite load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("suite file not found: " + file);
        }
        ObjectMapper mapper = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        try {
            return mapper.readValue(file.toFile(), ModelSuite.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException syntax) {
                throw new IllegalArgumentException(file + ": not valid " + (mapper == JSON ? "JSON" : "YAML") + " ("
                        + where(e) + syntax.getOriginalMessage().replace('\n', ' ') + ")", e);
            }
            throw new IllegalArgumentException(file + ": " + where(e) + reason(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid " + (mapper == JSON ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the suite file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The test and field a mapping problem is at, e.g. "test 2, field 'metric': ". */
    private static String where(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                parts.add("test " + (r.getIndex() + 1));
            } else if (r.getFieldName() != null && !r.getFieldName().equals("tests")) {
                parts.add("field '" + r.getFieldName() + "'");
            }
        }
        return parts.isEmpty() ? "" : String.join(", ", parts) + ": ";
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Could not resolve type id")) {
            return "unknown type: the types are threshold, invariance, flip, expected-label and no-reliance";
        }
        if (message.startsWith("Unrecognized field")) {
            return message.substring(0, message.indexOf('(') > 0 ? message.indexOf('(') : message.length()).trim();
        }
        return message;
    }

    /**
     * Runs every test over a labelled folder.
     *
     * @param classifier the model
     * @param folder     the images (those that do not decode are left out)
     * @param userTags   tags by row path, for tag cohorts (may be empty)
     * @param batchSize  images per model call
     * @return the verdicts, in the suite's order
     */
    public SuiteResult run(ImageClassifier classifier, LabelledFolder folder, Map<String, List<String>> userTags,
                           int batchSize) {
        CheckContext context = CheckContext.of(classifier, folder, userTags, seed, batchSize);
        return new SuiteResult(tests.stream().map(t -> t.run(context)).collect(Collectors.toList()));
    }

    /** Runs every test with no user tags, 32 images per model call. */
    public SuiteResult run(ImageClassifier classifier, LabelledFolder folder) {
        return run(classifier, folder, Map.of(), 32);
    }
}
