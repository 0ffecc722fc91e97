package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** DL4J model zips (ModelSerializer) load as the network they hold, with their model card. */
class Dl4jZipTest {

    @TempDir
    Path dir;

    private static INDArray pixels(long... shape) {
        Nd4j.getRandom().setSeed(5);
        return Nd4j.rand(DataType.FLOAT, shape).muli(255);
    }

    @Test
    void multiLayerNetworkZipWithACardLoadsWithItsSizePresetAndClassNames() throws IOException {
        MultiLayerNetwork network = Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 3, Activation.SOFTMAX);
        Path zip = dir.resolve("tiny.zip");
        ModelSerializer.writeModel(network, zip.toFile(), false);
        new ModelCard("tiny", new ImageInput(12, 12, 3, ImageLayout.NCHW), Preprocessing.INCEPTION,
                List.of("red", "green", "blue"), 1.5, "made in a test").writeInto(zip);
        INDArray batch = pixels(4, 3, 12, 12);
        INDArray expected = network.output(batch.div(127.5).sub(1));

        NetworkImageClassifier model = ImageModels.load(zip);

        assertFalse(model.network().isComputationGraph());
        assertEquals(ModelFormat.DL4J_ZIP, model.network().format().orElseThrow());
        assertEquals(new ImageInput(12, 12, 3, ImageLayout.NCHW), model.input());
        assertEquals(Preprocessing.INCEPTION, model.preprocessing());
        assertEquals(List.of("red", "green", "blue"), model.classNames());
        assertEquals(1.5, model.network().card().orElseThrow().temperature());
        assertTrue(expected.equalsWithEps(model.predict(batch), 1e-6));
    }

    @Test
    void computationGraphZipLoadsAsAComputationGraph() throws IOException {
        ComputationGraph graph = Dl4jFixtures.fullyConvolutionalGraph(3, 4);
        Path zip = dir.resolve("graph.zip");
        ModelSerializer.writeModel(graph, zip.toFile(), false);

        LoadedNetwork network = ImageModels.loadNetwork(zip);

        assertTrue(network.isComputationGraph());
        assertEquals(ImageLayout.NCHW, network.layout());
        assertEquals(3, network.channels());
    }

    @Test
    void fullyConvolutionalZipWithoutACardTakesTheSizeFromTheOptions() throws IOException {
        ComputationGraph graph = Dl4jFixtures.fullyConvolutionalGraph(3, 4);
        Path zip = dir.resolve("fcn.zip");
        ModelSerializer.writeModel(graph, zip.toFile(), false);

        ModelFileException e = assertThrows(ModelFileException.class, () -> ImageModels.load(zip));
        assertEquals(ModelFileException.Problem.UNKNOWN_INPUT_SIZE, e.problem());

        NetworkImageClassifier model = ImageModels.load(zip, ModelOptions.builder().inputSize(16, 20).build());
        assertEquals(new ImageInput(16, 20, 3, ImageLayout.NCHW), model.input());
        assertEquals(List.of(2L, 4L), List.of(model.predict(pixels(2, 3, 16, 20)).shape()[0],
                model.predict(pixels(2, 3, 16, 20)).shape()[1]));
    }

    @Test
    void networkBuiltForFlattenedImagesTakesItsSizeFromItsPreprocessor() throws IOException {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.convolutionalFlat(10, 14, 1))
                .build());
        network.init();
        Path zip = dir.resolve("flat.zip");
        ModelSerializer.writeModel(network, zip.toFile(), false);

        NetworkImageClassifier model = ImageModels.load(zip);

        assertEquals(new ImageInput(10, 14, 1, ImageLayout.NCHW), model.input());
        assertEquals(3, model.predict(pixels(2, 1, 10, 14)).columns());
    }

    @Test
    void zipHoldingADl4jNormalizerNeedsAnExplicitPreset() throws IOException {
        MultiLayerNetwork network = Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 3, Activation.SOFTMAX);
        Path zip = dir.resolve("normalized.zip");
        ModelSerializer.writeModel(network, zip.toFile(), false);
        ModelSerializer.addNormalizerToModel(zip.toFile(), new ImagePreProcessingScaler(0, 1));
        ModelOptions size = ModelOptions.builder().inputSize(12, 12).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageModels.load(zip, size));
        assertTrue(e.getMessage().contains("normalizer"), e.getMessage());

        NetworkImageClassifier model = ImageModels.load(zip, size.toBuilder().preprocessing(Preprocessing.UNIT).build());
        assertEquals(Preprocessing.UNIT, model.preprocessing());
    }
}
