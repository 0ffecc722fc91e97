package dev.limelight.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.audit.LabelledFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Suites on models whose answers are known, and suite files with every kind of mistake. */
class ModelSuiteTest {

    @TempDir
    static Path dir;
    private static LabelledFolder folder;

    @BeforeAll
    static void writeTheFolder() throws Exception {
        folder = LabelledFolder.read(HalfBrightness.writeFolder(dir.resolve("data"), 10, 3), HalfBrightness.CLASSES);
    }

    private static Path suite(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static final String SUITE = """
            seed: 7
            tests:
              - name: accuracy
                type: threshold
                metric: accuracy
                min: 0.9
              - name: mirroring changes nothing
                type: invariance
                transformation: {kind: hflip}
                minUnchanged: 0.95
              - name: bright images are bright
                type: expected-label
                glob: "bright/*.png"
                label: bright
                minProbability: 0.9
              - name: recall of dark
                type: threshold
                metric: recall
                class: dark
                min: 0.9
            """;

    @Test
    void aModelThatReadsTheWholeImageIsInvariantToMirroring() throws Exception {
        SuiteResult result = ModelSuite.load(suite("whole.yaml", SUITE)).run(HalfBrightness.whole(), folder);

        // both halves average to 120 +- noise: the whole-image model is unsure but mirror-proof
        CheckResult mirror = result.tests().get(1);
        assertTrue(mirror.passed(), mirror.summary());
        assertEquals(1.0, mirror.value(), 0);
        assertFalse(result.tests().get(0).passed(), "it cannot tell the classes apart: " + result.tests().get(0));
    }

    @Test
    void aModelThatReadsTheLeftHalfIsAccurateButFailsMirroring() throws Exception {
        SuiteResult result = ModelSuite.load(suite("half.yaml", SUITE)).run(HalfBrightness.leftHalf(), folder);

        assertTrue(result.tests().get(0).passed(), result.tests().get(0).summary());
        assertEquals(1.0, result.tests().get(0).value(), 0);
        CheckResult mirror = result.tests().get(1);
        assertFalse(mirror.passed());
        assertEquals(0.0, mirror.value(), 0, "every mirrored image swaps its bright half to the right");
        assertEquals(20, ((List<?>) mirror.details().get("failing")).size(), "the 20 failing images are listed");
        assertTrue(result.tests().get(2).passed(), result.tests().get(2).summary());
        assertTrue(result.tests().get(3).passed());
        assertFalse(result.passed());

        Path out = dir.resolve("out");
        result.write(out);
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(4, json.get("tests").size());
        assertEquals(List.of("name", "type", "passed", "value", "threshold", "details"),
                fieldNames(json.get("tests").get(1)));
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("junit.xml").toFile());
        assertEquals("4", junit.getDocumentElement().getAttribute("tests"));
        assertEquals("1", junit.getDocumentElement().getAttribute("failures"));
        assertEquals(1, junit.getElementsByTagName("failure").getLength());
    }

    @Test
    void theCalibrationErrorOfAConfidentAlwaysRightModelIsOneMinusItsMeanConfidence() {
        CheckContext context = CheckContext.of(HalfBrightness.leftHalf(), folder, Map.of(), 0, 32);
        double meanConfidence = context.rows().stream().mapToDouble(r -> r.confidence()).average().orElseThrow();

        CheckResult ece = new ThresholdCheck("calibrated", "ece", null, null, null, 0.01).run(context);

        assertEquals(1 - meanConfidence, ece.value(), 1e-9, "one bin, accuracy 1: " + ece.details());
        assertTrue(ece.passed());
        List<?> ci = (List<?>) ece.details().get("ci");
        assertTrue((double) ci.get(0) <= ece.value() && ece.value() <= (double) ci.get(1), "interval " + ci);
        CheckResult f1 = new ThresholdCheck("f1", "f1", "dark", null, 0.99, null).run(context);
        assertEquals(1.0, f1.value(), 0);
        assertEquals(List.of(1.0, 1.0), f1.details().get("ci"), "every resample is perfect");
    }

    @Test
    void aFailingInvarianceShowsTheOriginalBesideTheTransformedImage() throws Exception {
        CheckContext context = CheckContext.of(HalfBrightness.leftHalf(), folder, Map.of(), 0, 32);

        CheckResult mirror = new InvarianceCheck("mirror", new Transformation("hflip", 0), null, null, null).run(context);

        assertEquals(Evidence.KEPT, mirror.evidence().size());
        Evidence first = mirror.evidence().get(0);
        var original = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(first.original()));
        var changed = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(first.changed()));
        assertEquals(original.getRaster().getSample(0, 0, 0), changed.getRaster().getSample(15, 0, 0),
                "the changed image is the original mirrored");
        assertTrue(first.changedCaption().startsWith("hflip: "), first.changedCaption());
        assertEquals(20, context.decodes(), "each of the 20 images was decoded once, however often it was used");
    }

    @Test
    void aModelThatThresholdsMeanBrightnessFlipsWhereTheMeanReaches128() {
        FlipCheck flip = new FlipCheck("brighter", "brightness", 64.0, 8, 0.1, 4.0, null, null, null, null);
        CheckContext context = CheckContext.of(HalfBrightness.whole(), folder, Map.of(), 0, 32);

        double[] found = flip.strengths(context);

        double resolution = 64 / 256.0;
        for (int k = 0; k < found.length; k++) {
            float[] pixels = context.image(k).pixels();
            double mean = 0;
            for (float v : pixels) {
                mean += v / pixels.length;
            }
            double expected = 128 - mean;
            assertTrue(found[k] >= expected - 1e-9 && found[k] <= expected + resolution,
                    "image " + k + ": flips at +" + found[k] + ", the mean reaches 128 at +" + expected);
        }
        CheckResult result = flip.run(context);
        assertTrue(result.passed(), "every image needs about +8: " + result.summary());
        assertFalse(FlipCheck.of("fragile", "brightness", 64.0, 0.1, 20.0).run(context).passed());
    }

    @Test
    void aModelThatReadsOnlyTheCornerReliesOnItAndOneThatReadsTheWholeImageDoesNot() {
        NoRelianceCheck corner = new NoRelianceCheck("not the corner", "0,0,4,4", null, Cohort.ofLabel("bright"),
                0.5, 200, 16);

        CheckResult shortcut = corner.run(CheckContext.of(HalfBrightness.corner(), folder, Map.of(), 0, 32));
        CheckResult whole = corner.run(CheckContext.of(HalfBrightness.whole(), folder, Map.of(), 0, 32));

        assertFalse(shortcut.passed(), shortcut.summary());
        assertTrue(shortcut.value() > 0.9, "the corner cell holds the evidence: " + shortcut.summary());
        assertTrue(whole.passed(), whole.summary());
        assertTrue(whole.value() < 0.2, whole.summary());
    }

    @Test
    void theSameSeedGivesTheSameResults() throws Exception {
        Path file = suite("noise.yaml", """
                tests:
                  - {name: noise, type: invariance, transformation: {kind: noise, amount: 60}, minUnchanged: 0.5}
                  - {name: patch, type: invariance, transformation: {kind: occlusion, amount: 0.5}, minUnchanged: 0.5}
                """);
        ModelSuite.load(file).run(HalfBrightness.leftHalf(), folder).write(dir.resolve("first"));
        ModelSuite.load(file).run(HalfBrightness.leftHalf(), folder).write(dir.resolve("second"));

        assertEquals(Files.readString(dir.resolve("first/results.json")),
                Files.readString(dir.resolve("second/results.json")));
    }

    @Test
    void aJsonSuiteReadsAsItsYamlDoes() throws Exception {
        ModelSuite json = ModelSuite.load(suite("s.json", """
                {"tests": [{"name": "a", "type": "threshold", "metric": "accuracy", "min": 0.5,
                            "cohort": {"label": "dark", "property": "brightness", "max": 200}}]}
                """));
        ModelSuite yaml = ModelSuite.load(suite("s.yaml", """
                tests:
                  - {name: a, type: threshold, metric: accuracy, min: 0.5,
                     cohort: {label: dark, property: brightness, max: 200}}
                """));
        assertEquals(json, yaml);
    }

    static Stream<Arguments> badSuites() {
        return Stream.of(
                Arguments.of("no tests", "seed: 1\n", "at least one test"),
                Arguments.of("an unknown type", "tests:\n  - {name: a, type: fuzz}\n", "test 1: unknown type"),
                Arguments.of("no metric", "tests:\n  - {name: a, type: threshold, min: 0.5}\n",
                        "test 1: metric must be"),
                Arguments.of("both bounds", "tests:\n  - {name: a, type: threshold, metric: accuracy, min: 0.5, "
                        + "max: 0.9}\n", "exactly one of min and max"),
                Arguments.of("a per-class metric without a class", "tests:\n  - {name: a, type: threshold, "
                        + "metric: recall, min: 0.5}\n", "name the class"),
                Arguments.of("an unknown transformation", "tests:\n  - {name: b, type: invariance, "
                        + "transformation: {kind: swirl}}\n", "unknown transformation 'swirl'"),
                Arguments.of("a field that does not exist", "tests:\n  - {name: a, type: threshold, metric: accuracy, "
                        + "min: 0.5, colour: red}\n", "colour"),
                Arguments.of("an unknown property", "tests:\n  - {name: a, type: threshold, metric: accuracy, "
                        + "min: 0.5, cohort: {property: hue, min: 1}}\n", "unknown property 'hue'"),
                Arguments.of("two tests of one name", "tests:\n  - {name: a, type: threshold, metric: accuracy, "
                        + "min: 0.5}\n  - {name: a, type: threshold, metric: accuracy, min: 0.6}\n", "named 'a'"),
                Arguments.of("an expected label without images", "tests:\n  - {name: e, type: expected-label, "
                        + "label: dark}\n", "'files' or 'glob'"),
                Arguments.of("a flip without a bound", "tests:\n  - {name: f, type: flip, kind: brightness, "
                        + "maxAmount: 50}\n", "'min'"),
                Arguments.of("a region that is not x,y,width,height", "tests:\n  - {name: r, type: no-reliance, "
                        + "region: \"0,0,4\", max: 0.3}\n", "x,y,width,height"),
                Arguments.of("an on-object check without masks or a region", "tests:\n  - {name: o, type: on-object, "
                        + "min: 0.5}\n", "'masks: DIR', one of the two"),
                Arguments.of("both a region and masks", "tests:\n  - {name: o, type: no-reliance, region: \"0,0,4,4\", "
                        + "masks: somewhere, max: 0.3}\n", "one of the two"),
                Arguments.of("a mask folder that does not exist", "tests:\n  - {name: o, type: on-object, "
                        + "masks: no/such/folder, min: 0.5}\n", "mask folder not found: no/such/folder"),
                Arguments.of("a stable check without a bound", "tests:\n  - {name: s, type: stable, runs: 3}\n",
                        "'min' in [0, 1]"),
                Arguments.of("a stable check of one run", "tests:\n  - {name: s, type: stable, runs: 1, min: 0.5}\n",
                        "runs must be in 2..50"),
                Arguments.of("a superpixel flip with a target", "tests:\n  - {name: f, type: flip, kind: superpixels, "
                        + "maxAmount: 5, min: 1, target: dark}\n", "drop 'target'"),
                Arguments.of("an unknown metric", "tests:\n  - {name: a, type: threshold, metric: auc, min: 0.5}\n",
                        "accuracy, precision, recall, f1 or ece"),
                Arguments.of("broken YAML", "tests: [ {name: a\n", "not valid YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSuites")
    void aBadSuiteFileIsRefusedNamingTheFileAndTheProblem(String what, String text, String expected) throws Exception {
        Path file = suite("bad.yaml", text);
        String message = assertThrows(IllegalArgumentException.class, () -> ModelSuite.load(file)).getMessage();
        assertTrue(message.contains(file.toString()) && message.contains(expected), message);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
