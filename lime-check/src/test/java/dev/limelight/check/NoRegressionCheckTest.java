package dev.limelight.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.PlantedCue;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The no-regression test: a model against a baseline file, as {@code compare} diffs them. */
class NoRegressionCheckTest {

    @TempDir
    static Path dir;
    private static LabelledFolder folder;
    private static MultiLayerNetwork network;
    private static Path baseline;

    @BeforeAll
    static void trainAndSave() throws Exception {
        network = PlantedCue.train();
        baseline = PlantedCue.save(network, dir.resolve("baseline.zip"));
        folder = LabelledFolder.read(PlantedCue.writeFolder(dir.resolve("data"), 16, 3), PlantedCue.CLASSES);
    }

    @Test
    void theSameModelDoesNotRegress() {
        CheckResult result = new NoRegressionCheck("no worse", baseline.toString(), null)
                .run(CheckContext.of(PlantedCue.classifier(network), folder, Map.of(), 0, 32));

        assertTrue(result.passed(), result.details().toString());
        assertEquals(0.0, result.value());
    }

    @Test
    void aModelThatAnswersPlainForEverythingBreaksThePatchedImages() {
        CheckResult result = new NoRegressionCheck("no worse", baseline.toString(), "broken > 2")
                .run(CheckContext.of(new AlwaysPlain(), folder, Map.of(), 0, 32));

        assertFalse(result.passed());
        List<?> broken = (List<?>) result.details().get("broken");
        assertEquals(8, broken.size(), "the 8 patched images the baseline gets right: " + result.details());
        assertTrue(broken.stream().allMatch(p -> p.toString().startsWith("patched/")));
        assertTrue((double) result.details().get("mcnemarPValue") < 0.01);
    }

    @Test
    void aMissingBaselineOrADriftRuleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NoRegressionCheck("x", "no/such.zip", null));
        assertThrows(IllegalArgumentException.class,
                () -> new NoRegressionCheck("x", baseline.toString(), "drift-pvalue < 0.1"));
    }

    /** Class "plain" with probability 0.9 for every image. */
    private static final class AlwaysPlain implements ImageClassifier {
        @Override
        public ImageInput input() {
            return new ImageInput(PlantedCue.SIZE, PlantedCue.SIZE, 1, ImageLayout.NCHW);
        }

        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public List<String> classNames() {
            return PlantedCue.CLASSES;
        }

        @Override
        public INDArray predict(INDArray batch) {
            double[][] out = new double[(int) batch.size(0)][];
            java.util.Arrays.fill(out, new double[] {0.9, 0.1});
            return Nd4j.createFromArray(out);
        }
    }
}
