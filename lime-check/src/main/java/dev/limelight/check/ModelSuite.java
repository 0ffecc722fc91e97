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
import dev.limelight.core.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
            return "unknown type: the types are " + String.join(", ", Check.TYPES);
        }
        if (message.startsWith("Unrecognized field")) {
            return message.substring(0, message.indexOf('(') > 0 ? message.indexOf('(') : message.length()).trim();
        }
        return message;
    }

    /**
     * Runs every test over a folder of images.
     *
     * @param classifier the model
     * @param folder     the images: labelled, or a flat folder without labels (then only the tests
     *                   that need no label can run); those that do not decode are left out
     * @param userTags   tags by row path, for tag cohorts (may be empty)
     * @param batchSize  images per model call
     * @param progress   told how far classifying and each test have got
     * @return the verdicts, in the suite's order, each with its cost
     * @throws IllegalArgumentException when a test needs labels the folder does not have
     */
    public SuiteResult run(ImageClassifier classifier, LabelledFolder folder, Map<String, List<String>> userTags,
                           int batchSize, ProgressListener progress) {
        if (!folder.labelled()) {
            List<String> needing = tests.stream().filter(Check::needsLabels).map(t -> "'" + t.name() + "' ("
                    + t.type() + ")").toList();
            if (!needing.isEmpty()) {
                throw new IllegalArgumentException(folder.root() + " is a flat folder of unlabelled images, but the "
                        + "test" + (needing.size() > 1 ? "s " : " ") + String.join(", ", needing) + " need"
                        + (needing.size() > 1 ? "" : "s") + " labels: give one sub-folder per class, or leave "
                        + (needing.size() > 1 ? "them" : "it") + " out (a cohort by 'predicted' needs no label)");
            }
        }
        CheckContext context = CheckContext.of(classifier, folder, userTags, seed, batchSize, progress);
        List<CheckResult> results = new ArrayList<>();
        for (Check test : tests) {
            long started = System.nanoTime();
            long calls = context.modelCalls();
            long scored = context.imagesScored();
            long decodes = context.decodes();
            CheckResult result = test.run(context);
            results.add(result.withCost(new CheckResult.Cost((System.nanoTime() - started) / 1e9,
                    context.modelCalls() - calls, context.imagesScored() - scored, context.decodes() - decodes)));
        }
        LabelledFolder screened = context.folder();
        return new SuiteResult(results, screened.skipped().stream().map(s -> new SuiteResult.Skipped(
                screened.relativePath(s.path()), s.reason())).toList(), classifier.explainedOutput());
    }

    /** As {@link #run(ImageClassifier, LabelledFolder, Map, int, ProgressListener)}, without progress. */
    public SuiteResult run(ImageClassifier classifier, LabelledFolder folder, Map<String, List<String>> userTags,
                           int batchSize) {
        return run(classifier, folder, userTags, batchSize, ProgressListener.NONE);
    }

    /** Runs every test with no user tags, 32 images per model call. */
    public SuiteResult run(ImageClassifier classifier, LabelledFolder folder) {
        return run(classifier, folder, Map.of(), 32);
    }
}
