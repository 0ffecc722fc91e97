package dev.limelight.check;

import dev.limelight.audit.LabelledFolder;
import dev.limelight.core.ImageClassifier;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * A suite as JUnit 5 dynamic tests, one a check, so that a failing check fails {@code mvn test} with
 * its verdict and evidence as the message:
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; modelTests() {
 *     return SuiteTests.of(ModelSuite.load(Path.of("suite.yaml")), classifier,
 *             LabelledFolder.read(Path.of("data"), classifier.classNames()));
 * }
 * </pre>
 *
 * The folder is classified once, when the first test runs. Needs JUnit 5 on the class path (an
 * optional dependency of lime-check).
 */
public final class SuiteTests {

    private SuiteTests() {
    }

    /**
     * @param suite      the checks
     * @param classifier the model
     * @param folder     the labelled images
     * @return one dynamic test per check, named after it
     */
    public static Stream<DynamicTest> of(ModelSuite suite, ImageClassifier classifier, LabelledFolder folder) {
        CheckContext[] context = new CheckContext[1];
        return suite.tests().stream().map(check -> DynamicTest.dynamicTest(check.name() + " (" + check.type() + ")",
                () -> {
                    if (context[0] == null) {
                        context[0] = CheckContext.of(classifier, folder, Map.of(), suite.seed(), 32);
                    }
                    CheckResult result = check.run(context[0]);
                    Assertions.assertTrue(result.passed(), () -> result.summary() + "; " + result.details());
                }));
    }
}
