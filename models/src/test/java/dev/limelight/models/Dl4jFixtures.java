package dev.limelight.models;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Tiny randomly initialised DL4J networks, built and saved in tests. */
final class Dl4jFixtures {

    private Dl4jFixtures() {
    }

    /**
     * conv 3x3 (4 filters) -> 2x2 max pooling -> dense output, for an input of a fixed size.
     *
     * @param output the output layer's activation: SOFTMAX for probabilities, IDENTITY for logits
     */
    static MultiLayerNetwork cnn(int height, int width, int channels, CNN2DFormat format, int classes,
            Activation output) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).dataFormat(format).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .dataFormat(format).build())
                .layer(new OutputLayer.Builder(output == Activation.SOFTMAX ? LossFunctions.LossFunction.MCXENT
                        : LossFunctions.LossFunction.MSE).nOut(classes).activation(output).build())
                .setInputType(InputType.convolutional(height, width, channels, format))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /** A fully convolutional graph: conv 3x3 -> global average pooling -> softmax output; any input size. */
    static ComputationGraph fullyConvolutionalGraph(int channels, int classes) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("image")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nIn(channels).nOut(6)
                        .activation(Activation.RELU).build(), "image")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                .addLayer("scores", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(classes)
                        .activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("scores")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /** Writes a 12x12 RGB NCHW three-class {@link #cnn} as a DL4J zip. */
    static Path writeTinyCnnZip(Path file) throws IOException {
        ModelSerializer.writeModel(cnn(12, 12, 3, CNN2DFormat.NCHW, 3, Activation.SOFTMAX), file.toFile(), false);
        return file;
    }
}
