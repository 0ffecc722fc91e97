package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The classifier adapter on tiny DL4J networks built in the test. */
class NetworkImageClassifierTest {

    private static final ModelOptions SIZE_12 = ModelOptions.builder().inputSize(12, 12).build();

    private static INDArray pixels(long... shape) {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.rand(DataType.FLOAT, shape).muli(255);
    }

    @Test
    void dl4jBuiltNetworkTakesNchwBatches() {
        NetworkImageClassifier model = ImageModels.wrap(
                Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.SOFTMAX), SIZE_12);

        assertEquals(new ImageInput(12, 12, 3, ImageLayout.NCHW), model.input());
        assertEquals(4, model.classCount());
        assertEquals(List.of("class 0", "class 1", "class 2", "class 3"), model.classNames());
    }

    @Test
    void networkWhoseFirstLayerIsNhwcTakesNhwcBatches() {
        NetworkImageClassifier model = ImageModels.wrap(
                Dl4jFixtures.cnn(12, 12, 1, CNN2DFormat.NHWC, 2, Activation.SOFTMAX), SIZE_12);

        assertEquals(new ImageInput(12, 12, 1, ImageLayout.NHWC), model.input());
    }

    @Test
    void predictGivesTheNetworksOutputOnThePreprocessedBatch() {
        MultiLayerNetwork network = Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.SOFTMAX);
        NetworkImageClassifier model = ImageModels.wrap(network,
                SIZE_12.toBuilder().preprocessing(Preprocessing.INCEPTION).build());
        INDArray batch = pixels(5, 3, 12, 12);
        INDArray expected = network.output(batch.div(127.5).sub(1));

        INDArray probabilities = model.predict(batch);

        assertTrue(expected.equalsWithEps(probabilities, 1e-6), probabilities.toString());
    }

    @Test
    void predictRejectsABatchOfTheWrongLayout() {
        NetworkImageClassifier model = ImageModels.wrap(
                Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.SOFTMAX), SIZE_12);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.predict(pixels(2, 12, 12, 3)));
        assertTrue(e.getMessage().contains("[N, 3, 12, 12] (NCHW), got [2, 12, 12, 3]"), e.getMessage());
    }

    @Test
    void logitsOptionAppliesASoftmax() {
        MultiLayerNetwork network = Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.IDENTITY);
        NetworkImageClassifier model = ImageModels.wrap(network, SIZE_12.toBuilder().logits(true).build());
        INDArray batch = pixels(3, 3, 12, 12);
        INDArray expected = Transforms.softmax(network.output(batch.div(255)), true);

        INDArray probabilities = model.predict(batch);

        assertTrue(expected.equalsWithEps(probabilities, 1e-6), probabilities.toString());
    }

    @Test
    void logitsWithoutTheLogitsOptionFailNamingTheModel() {
        NetworkImageClassifier model = ImageModels.wrap(
                Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.IDENTITY),
                SIZE_12.toBuilder().name("tiny-logits-cnn").build());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.predict(pixels(2, 3, 12, 12)));
        assertTrue(e.getMessage().startsWith("tiny-logits-cnn returned"), e.getMessage());
        assertTrue(e.getMessage().contains("logits?"), e.getMessage());
    }

    @Test
    void classNamesMustMatchTheOutputCount() {
        MultiLayerNetwork network = Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.SOFTMAX);
        ModelOptions options = SIZE_12.toBuilder().classNames(List.of("cat", "dog")).name("pets").build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageModels.wrap(network, options));
        assertEquals("2 class names given, but pets has 4 outputs", e.getMessage());
    }

    @Test
    void caffePresetIsRefusedForGrayscaleNetworks() {
        MultiLayerNetwork network = Dl4jFixtures.cnn(12, 12, 1, CNN2DFormat.NCHW, 2, Activation.SOFTMAX);
        ModelOptions options = SIZE_12.toBuilder().preprocessing(Preprocessing.CAFFE).build();

        assertThrows(IllegalArgumentException.class, () -> ImageModels.wrap(network, options));
    }

    @Test
    void networkOfUnknownSizeNeedsAnExplicitOne() {
        MultiLayerNetwork network = Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.SOFTMAX);

        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ImageModels.wrap(network, ModelOptions.defaults()));
        assertEquals(ModelFileException.Problem.UNKNOWN_INPUT_SIZE, e.problem());
    }

    @Test
    void sizeThatDoesNotFitTheNetworkIsRefused() {
        MultiLayerNetwork network = Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.SOFTMAX);
        ModelOptions options = ModelOptions.builder().inputSize(20, 20).build();

        ModelFileException e = assertThrows(ModelFileException.class, () -> ImageModels.wrap(network, options));
        assertEquals(ModelFileException.Problem.UNSUPPORTED_MODEL, e.problem());
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }
}
