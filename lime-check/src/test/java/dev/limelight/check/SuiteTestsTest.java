package dev.limelight.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.LabelledFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** A suite as dynamic tests: a passing check runs quietly, a failing one throws its verdict. */
class SuiteTestsTest {

    @TempDir
    Path dir;

    @Test
    void eachCheckIsADynamicTestThatFailsWithItsVerdict() throws Throwable {
        LabelledFolder folder = LabelledFolder.read(HalfBrightness.writeFolder(dir.resolve("data"), 4, 1),
                HalfBrightness.CLASSES);
        ModelSuite suite = new ModelSuite(0, List.of(
                new ThresholdCheck("accurate", "accuracy", null, null, 0.9, null),
                new InvarianceCheck("mirror-proof", new Transformation("hflip", 0), null, null, null)));

        List<DynamicTest> tests = SuiteTests.of(suite, HalfBrightness.leftHalf(), folder).toList();

        assertEquals(List.of("accurate (threshold)", "mirror-proof (invariance)"),
                tests.stream().map(DynamicTest::getDisplayName).toList());
        tests.get(0).getExecutable().execute();
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> tests.get(1).getExecutable().execute());
        assertTrue(failure.getMessage().contains("mirror-proof (invariance): FAILED"), failure.getMessage());
    }
}
