package dev.limelight.training.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.models.ImageModels;
import dev.limelight.models.LoadedNetwork;
import dev.limelight.testing.SharedData;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Which networks become fine-tunable, and how their heads are kept or replaced. */
class TrainableNetworkTest {

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.layers.Layer... head) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build());
        for (org.deeplearning4j.nn.conf.layers.Layer layer : head) {
            list.layer(layer);
        }
        MultiLayerConfiguration conf = list.setInputType(InputType.convolutional(8, 8, 1)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    private static final INDArray INPUT = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, new long[] {4, 1, 8, 8});

    private static INDArray input() {
        return INPUT;
    }

    private static INDArray output(Model network, INDArray input) {
        return ((MultiLayerNetwork) network).output(input, false);
    }

    @Test
    void aDl4jClassifierKeepsItsLayersAndItsAnswers() {
        MultiLayerNetwork original = network(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                .activation(Activation.SOFTMAX).build());

        Model trainable = TrainableNetwork.of(original, 3, 1e-3, 1);

        assertEquals(original.getLayers().length, ((MultiLayerNetwork) trainable).getLayers().length);
        assertArrayEquals(output(original, input()).ravel().toDoubleVector(), output(trainable, input()).ravel().toDoubleVector(), 1e-6);
    }

    @Test
    void aDenseSoftmaxHeadBecomesAnOutputLayerWithItsWeights() {
        MultiLayerNetwork original = network(new DenseLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build());

        MultiLayerNetwork trainable = (MultiLayerNetwork) TrainableNetwork.of(original, 3, 1e-3, 1);

        assertTrue(trainable.getOutputLayer().conf().getLayer() instanceof OutputLayer);
        assertArrayEquals(output(original, input()).ravel().toDoubleVector(), output(trainable, input()).ravel().toDoubleVector(), 1e-6,
                "the same probabilities before any training");
    }

    @Test
    void logitsFollowedByASoftmaxLayerBecomeOneOutputLayerGivingTheSameProbabilities() {
        MultiLayerNetwork original = network(new DenseLayer.Builder().nOut(3).activation(Activation.IDENTITY).build(),
                new ActivationLayer.Builder().activation(Activation.SOFTMAX).build());

        MultiLayerNetwork trainable = (MultiLayerNetwork) TrainableNetwork.of(original, 3, 1e-3, 1);

        assertEquals(original.getLayers().length - 1, trainable.getLayers().length);
        assertArrayEquals(output(original, input()).ravel().toDoubleVector(), output(trainable, input()).ravel().toDoubleVector(), 1e-6);
    }

    @Test
    void aNetworkWithoutADenseHeadIsRefusedWithTheReason() {
        MultiLayerNetwork pooled = network(new GlobalPoolingLayer.Builder(PoolingType.AVG).build(),
                new ActivationLayer.Builder().activation(Activation.SOFTMAX).build());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainableNetwork.of(pooled, 4, 1e-3, 1));
        assertTrue(e.getMessage().contains("GlobalPoolingLayer") && e.getMessage().contains("not a dense or output layer"),
                e.getMessage());
    }

    @Test
    void theSharedKerasFixtureGetsAClassifierHeadAndLearnsWhileTheLoadedNetworkIsUntouched() {
        LoadedNetwork keras = ImageModels.loadForTraining(SharedData.require("models/keras-fixtures/cnn_batch_norm.h5"));
        MultiLayerNetwork original = (MultiLayerNetwork) keras.network();
        INDArray probe = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, new long[] {2, 10, 10, 3});
        double[] before = original.output(probe, false).ravel().toDoubleVector();

        MultiLayerNetwork trainable = (MultiLayerNetwork) TrainableNetwork.of(original, 2, 1e-2, 1);
        assertEquals(2, trainable.output(probe, false).columns(), "one output per class, not the regression's one");
        // bright images are class 0, dark ones class 1
        SplittableRandom random = new SplittableRandom(2);
        INDArray features = Nd4j.zeros(64, 10, 10, 3);
        INDArray labels = Nd4j.zeros(64, 2);
        for (int i = 0; i < 64; i++) {
            int label = i % 2;
            features.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).assign(label == 0 ? 0.7 + 0.3 * random.nextDouble() : 0.3 * random.nextDouble());
            labels.putScalar(i, label, 1);
        }
        DataSet batch = new DataSet(features, labels);
        for (int step = 0; step < 200; step++) {
            trainable.fit(batch);
        }

        INDArray predicted = trainable.output(features, false).argMax(1);
        int right = 0;
        for (int i = 0; i < 64; i++) {
            right += predicted.getInt(i) == i % 2 ? 1 : 0;
        }
        assertTrue(right >= 58, right + " of 64 right after fine-tuning");
        assertArrayEquals(before, original.output(probe, false).ravel().toDoubleVector(), 1e-9, "the loaded network is a copy");
    }
}
