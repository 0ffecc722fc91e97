package dev.limelight.studies.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.models.ImageModels;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import dev.limelight.models.fashion.FashionMnist;
import dev.limelight.models.fashion.IdxFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import dev.limelight.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training program on a tiny synthetic data set (seconds, no shared data): ten classes that
 * differ by where a bright vertical bar stands. Full training is the main class's job.
 */
class FashionMnistTrainingTest {

    @TempDir
    Path dir;

    /** @return the shared Fashion-MNIST directory, or the test is skipped */
    static Path sharedFashionMnist() {
        return SharedData.require("fashion-mnist/images-idx.gz").getParent();
    }

    /** n images: class k has a 2-pixel-wide bar at columns 4 + 2k, 4 + 2k + 1, over noise. */
    static FashionMnist bars(int n, long seed) {
        Random random = new Random(seed);
        byte[] labels = new byte[n];
        byte[] pixels = new byte[n * 784];
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(10);
            labels[i] = (byte) k;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    boolean bar = x == 4 + 2 * k || x == 5 + 2 * k;
                    pixels[i * 784 + y * 28 + x] = (byte) (bar ? 200 + random.nextInt(56) : random.nextInt(60));
                }
            }
        }
        return new FashionMnist(new IdxFiles.Images(n, 28, 28, pixels), labels);
    }

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void trainsACnnThatLearnsASeparableTask() {
        FashionMnistTraining.Result result = FashionMnistTraining.train(bars(500, 1),
                new FashionMnistTraining.Options(2, 20, 2e-3, 1.0, 1, 50, 50), QUIET);

        assertTrue(result.testAccuracy() >= 0.9, "test accuracy " + result.testAccuracy());
        assertEquals(50, result.testBefore().sampleCount());
        assertTrue(result.calibration().nllAfter() <= result.calibration().nllBefore(),
                "the fitted temperature does not raise the validation NLL: " + result.calibration());
        assertTrue(result.calibration().temperature() != 1.0, "a temperature was fitted: " + result.calibration());
    }

    @Test
    void writesALoadableZipWithItsCardSampleImagesAndDiagram() throws IOException {
        FashionMnist data = bars(300, 2);
        FashionMnistTraining.Result result = FashionMnistTraining.train(data,
                new FashionMnistTraining.Options(1, 20, 2e-3, 1.0, 2, 50, 100), QUIET);

        FashionMnistTraining.write(result, data, dir, "tiny test run", QUIET);

        NetworkImageClassifier model = ImageModels.load(dir.resolve(FashionMnistTraining.MODEL_FILE));
        assertEquals(new ImageInput(28, 28, 1, ImageLayout.NCHW), model.input());
        assertEquals(Preprocessing.UNIT, model.preprocessing());
        assertEquals(FashionMnist.CLASS_NAMES, model.classNames());
        assertEquals(result.calibration().temperature(), model.network().card().orElseThrow().temperature());
        for (int k = 0; k < 10; k++) {
            assertTrue(Files.exists(dir.resolve("images").resolve(FashionMnistTraining.imageName(k))), "image " + k);
        }
        assertTrue(Files.size(dir.resolve(FashionMnistTraining.RELIABILITY_FILE)) > 0);
    }
}
