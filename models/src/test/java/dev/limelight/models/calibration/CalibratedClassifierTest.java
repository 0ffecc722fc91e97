package dev.limelight.models.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageEmbedder;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CalibratedClassifierTest {

    /** Returns the same probabilities for every image. */
    private static final class FixedClassifier implements ImageClassifier {
        private final double[] probabilities;

        FixedClassifier(double... probabilities) {
            this.probabilities = probabilities;
        }

        @Override
        public ImageInput input() {
            return new ImageInput(2, 2, 3, ImageLayout.NHWC);
        }

        @Override
        public int classCount() {
            return probabilities.length;
        }

        @Override
        public List<String> classNames() {
            return List.of("cat", "dog", "fox");
        }

        @Override
        public INDArray predict(INDArray batch) {
            double[][] rows = new double[(int) batch.size(0)][];
            java.util.Arrays.fill(rows, probabilities);
            return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
        }

        /** Embeds every image as the vector (1, 2). */
        @Override
        public java.util.Optional<ImageEmbedder> embedder() {
            return java.util.Optional.of(batch -> new ImageEmbedder.Embedded(predict(batch),
                    Nd4j.createFromArray(new float[] {1, 2}).reshape(1, 2).repeat(0, batch.size(0))));
        }
    }

    @Test
    void theEmbeddersOutputsAreCalibratedAsPredictsAre() {
        CalibratedClassifier calibrated = new CalibratedClassifier(new FixedClassifier(0.7, 0.2, 0.1), 2.0);
        ImageEmbedder.Embedded embedded = calibrated.embedder().orElseThrow().predictAndEmbed(TWO_IMAGES);
        assertTrue(calibrated.predict(TWO_IMAGES).equalsWithEps(embedded.outputs(), 1e-6), embedded.outputs().toString());
        assertEquals(2, embedded.embeddings().rows());
    }

    private static final INDArray TWO_IMAGES = Nd4j.zeros(DataType.FLOAT, 2, 2, 2, 3);

    @Test
    void temperatureOneLeavesTheProbabilitiesUnchanged() {
        INDArray p = new CalibratedClassifier(new FixedClassifier(0.7, 0.2, 0.1), 1.0).predict(TWO_IMAGES);
        assertTrue(Nd4j.createFromArray(new float[][] {{0.7f, 0.2f, 0.1f}, {0.7f, 0.2f, 0.1f}}).equalsWithEps(p, 1e-6));
    }

    @Test
    void givesTheSoftmaxOfTheLogProbabilitiesOverT() {
        double t = 2.0;
        double[] p = {0.7, 0.2, 0.1};
        double norm = 0;
        for (double v : p) {
            norm += Math.pow(v, 1 / t);
        }

        double[] calibrated = new CalibratedClassifier(new FixedClassifier(p), t).predict(TWO_IMAGES)
                .toDoubleMatrix()[1];

        for (int k = 0; k < 3; k++) {
            assertEquals(Math.pow(p[k], 1 / t) / norm, calibrated[k], 1e-6);
        }
    }

    @Test
    void temperatureAboveOneSoftensButKeepsTheRanking() {
        double[] calibrated = new CalibratedClassifier(new FixedClassifier(0.98, 0.015, 0.005), 3.0)
                .predict(TWO_IMAGES).toDoubleMatrix()[0];

        assertTrue(calibrated[0] < 0.98 && calibrated[0] > calibrated[1] && calibrated[1] > calibrated[2]);
    }

    @Test
    void aZeroProbabilityStaysTheSmallest() {
        double[] calibrated = new CalibratedClassifier(new FixedClassifier(0.9, 0.1, 0.0), 5.0)
                .predict(TWO_IMAGES).toDoubleMatrix()[0];

        assertTrue(calibrated[2] < calibrated[1] && calibrated[2] >= 0, java.util.Arrays.toString(calibrated));
    }

    @Test
    void keepsTheInputAndClassNamesOfTheWrappedClassifier() {
        FixedClassifier base = new FixedClassifier(0.5, 0.3, 0.2);
        CalibratedClassifier calibrated = new CalibratedClassifier(base, 1.7);

        assertEquals(base.input(), calibrated.input());
        assertEquals(List.of("cat", "dog", "fox"), calibrated.classNames());
        assertEquals(3, calibrated.classCount());
    }

    @Test
    void rejectsANonPositiveOrInfiniteTemperature() {
        FixedClassifier base = new FixedClassifier(0.5, 0.3, 0.2);
        assertThrows(IllegalArgumentException.class, () -> new CalibratedClassifier(base, 0));
        assertThrows(IllegalArgumentException.class, () -> new CalibratedClassifier(base, Double.POSITIVE_INFINITY));
    }
}
