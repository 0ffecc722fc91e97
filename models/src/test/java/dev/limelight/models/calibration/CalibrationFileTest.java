package dev.limelight.models.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** calibration.json: the fit on over-confident probabilities, the round trip, and the files refused. */
class CalibrationFileTest {

    @TempDir
    Path dir;

    /**
     * 2,000 rows whose true probabilities are softmax(z) with labels drawn from them, reported as
     * softmax(3 z): over-confident by a temperature of 3.
     */
    private static Object[] overConfident() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 2000;
        int k = 4;
        double[][] logits = new double[n][k];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] p = new double[k];
            double sum = 0;
            for (int c = 0; c < k; c++) {
                logits[i][c] = 1.5 * random.nextGaussian();
                p[c] = Math.exp(logits[i][c]);
                sum += p[c];
            }
            double u = random.nextDouble() * sum;
            int label = 0;
            while (label < k - 1 && (u -= p[label]) > 0) {
                label++;
            }
            labels[i] = label;
        }
        INDArray reported = Transforms.softmax(Nd4j.create(logits).muli(3), false);
        return new Object[] {reported, labels};
    }

    @Test
    void anOverConfidentModelGetsItsTemperatureBackAndALowerError() {
        Object[] data = overConfident();
        CalibrationFile c = CalibrationFile.fit((INDArray) data[0], (int[]) data[1], "model", 1);

        assertEquals(3.0, c.temperature(), 0.3, "the over-confidence planted");
        assertEquals(4, c.classCount());
        assertEquals(2000, c.images());
        assertTrue(c.eceAfter() < c.eceBefore() / 2, c.toString());
        assertTrue(c.eceBeforeInterval()[0] <= c.eceBefore() && c.eceBefore() <= c.eceBeforeInterval()[1] + 0.01,
                c.toString());
        assertTrue(c.eceAfterInterval()[1] < c.eceBeforeInterval()[0], "the intervals do not overlap: " + c);
    }

    @Test
    void aWrittenFileReadsBackTheSame() throws Exception {
        Object[] data = overConfident();
        CalibrationFile c = CalibrationFile.fit((INDArray) data[0], (int[]) data[1], "model", 1);
        Path file = dir.resolve(CalibrationFile.FILE_NAME);
        c.write(file);

        CalibrationFile read = CalibrationFile.read(file);

        assertEquals(c.temperature(), read.temperature());
        assertEquals(c.classCount(), read.classCount());
        assertArrayEquals(c.eceAfterInterval(), read.eceAfterInterval());
    }

    @Test
    void filesThatAreNotACalibrationOrForAnotherModelAreRefusedByName() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"temperature\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalibrationFile.read(garbage));
        assertTrue(e.getMessage().contains("garbage.json"), e.getMessage());
        Path negative = Files.writeString(dir.resolve("negative.json"),
                "{\"method\":\"temperature\",\"temperature\":-1,\"classCount\":3}");
        e = assertThrows(IllegalArgumentException.class, () -> CalibrationFile.read(negative));
        assertTrue(e.getMessage().contains("negative.json") && e.getMessage().contains("temperature"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CalibrationFile.read(dir.resolve("missing.json")));

        CalibrationFile ten = new CalibrationFile("temperature", 1.2, 10, 60, "cnn", 0.1, 0.05, null, null);
        e = assertThrows(IllegalArgumentException.class, () -> ten.requireClassCount(1000, "inception"));
        assertTrue(e.getMessage().contains("10 classes") && e.getMessage().contains("inception has 1000"),
                e.getMessage());
    }
}
