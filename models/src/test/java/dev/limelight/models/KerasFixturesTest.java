package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.testing.SharedData;
import java.nio.file.Path;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** DL4J's own small Keras test files (models/keras-fixtures in the shared data). */
class KerasFixturesTest {

    /** About ten times the difference measured on the 5 inputs (6.3e-8 to 7.5e-8). */
    private static final double CNN_TOLERANCE = 7e-7;

    @Test
    void sequentialBatchNormCnnMatchesKerasPredictions() {
        LoadedNetwork network = ImageModels.loadNetwork(SharedData.require("models/keras-fixtures/cnn_batch_norm.h5"));

        double maxDiff = maxDifferenceFromKeras(network);

        System.out.printf(Locale.ROOT, "cnn_batch_norm: max |DL4J - Keras| over 5 inputs = %.3e (bound %.1e)%n", maxDiff,
                CNN_TOLERANCE);
        assertTrue(maxDiff <= CNN_TOLERANCE, "max difference " + maxDiff);
    }

    @Test
    void theBoundSeesOneOutputBiasMovedBy1e4() {
        LoadedNetwork network = ImageModels.loadNetwork(SharedData.require("models/keras-fixtures/cnn_batch_norm.h5"));
        Layer[] layers = ((MultiLayerNetwork) network.network()).getLayers();
        INDArray bias = layers[layers.length - 1].getParam("b");
        bias.putScalar(0, bias.getDouble(0) + 1e-4);

        assertTrue(maxDifferenceFromKeras(network) > CNN_TOLERANCE);
    }

    private static double maxDifferenceFromKeras(LoadedNetwork network) {
        INDArray input = Nd4j.createFromNpyFile(SharedData.require("models/keras-fixtures/input.npy").toFile());
        INDArray expected = Nd4j.createFromNpyFile(
                SharedData.require("models/keras-fixtures/predictions.npy").toFile());
        INDArray output = network.output(input.castTo(DataType.FLOAT));
        assertArrayEquals(expected.shape(), output.shape());
        return output.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @Test
    void sequentialModelImportsAsMultiLayerNetworkWithItsDeclaredNhwcInput() {
        LoadedNetwork network = ImageModels.loadNetwork(SharedData.require("models/keras-fixtures/cnn_batch_norm.h5"));

        assertFalse(network.isComputationGraph());
        assertEquals(new ImageInput(10, 10, 3, ImageLayout.NHWC), network.declaredInput().orElseThrow());
    }

    @Test
    void fullyConvolutionalModelWithoutAnExplicitSizeFailsAskingForOne() {
        Path file = SharedData.require("models/keras-fixtures/12net.h5");

        ModelFileException e = assertThrows(ModelFileException.class, () -> ImageModels.load(file));

        assertEquals(ModelFileException.Problem.UNKNOWN_INPUT_SIZE, e.problem());
        assertTrue(e.getMessage().contains("inputSize(height, width)"), e.getMessage());
    }

    @Test
    void modelWithTwoOutputsIsNotAClassifier() {
        Path file = SharedData.require("models/keras-fixtures/12net.h5");
        ModelOptions options = ModelOptions.builder().inputSize(12, 12).build();

        ModelFileException e = assertThrows(ModelFileException.class, () -> ImageModels.load(file, options));

        assertEquals(ModelFileException.Problem.UNSUPPORTED_MODEL, e.problem());
        assertTrue(e.getMessage().contains("2 output(s)"), e.getMessage());
    }
}
