package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.OutputKind;
import dev.limelight.testing.SharedData;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@link NetworkImageClassifier#inLogitSpace}: the scores before the final softmax, whose softmax is
 * the model's probabilities, and which are not log-probabilities (those differ by a constant per
 * image: the log of the softmax's denominator).
 */
class LogitSpaceTest {

    private static INDArray pixels(long... shape) {
        Nd4j.getRandom().setSeed(5);
        return Nd4j.rand(DataType.FLOAT, shape).muli(255);
    }

    /** Checks the logits against the probabilities of the same batch. */
    private static void softmaxOfTheLogitsIsTheProbabilities(NetworkImageClassifier model) {
        INDArray batch = pixels(model.input().batchShape(4));
        NetworkImageClassifier logits = model.inLogitSpace();
        INDArray z = logits.predict(batch.dup()).castTo(DataType.DOUBLE);
        INDArray p = model.predict(batch.dup()).castTo(DataType.DOUBLE);

        assertEquals(OutputKind.LOGIT, logits.outputKind());
        assertEquals(model.classCount(), z.columns());
        double difference = Transforms.softmax(z, true).sub(p).amaxNumber().doubleValue();
        assertTrue(difference < 1e-5, "softmax(logits) - probabilities: " + difference);
        INDArray logP = Transforms.log(p, true);
        double shift = z.sub(logP).getDouble(0, 0);
        assertTrue(Math.abs(shift) > 1e-3, "logits are not log-probabilities (shift " + shift + ")");
        assertEquals(p, model.predict(batch.dup()).castTo(DataType.DOUBLE), "the model itself is left as it was");
    }

    @Test
    void aMultiLayerNetworksLogitsAreItsOutputLayerWithoutTheSoftmax() {
        softmaxOfTheLogitsIsTheProbabilities(ImageModels.wrap(
                Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.SOFTMAX),
                ModelOptions.builder().inputSize(12, 12).build()));
    }

    @Test
    void aComputationGraphsLogitsAreItsOutputVertexWithoutTheSoftmax() {
        softmaxOfTheLogitsIsTheProbabilities(ImageModels.wrap(Dl4jFixtures.fullyConvolutionalGraph(3, 5),
                ModelOptions.builder().inputSize(10, 10).build()));
    }

    @Test
    void aKerasImportsLogitsAreItsDenseSoftmaxWithoutTheSoftmax() {
        softmaxOfTheLogitsIsTheProbabilities(ImageModels.load(SharedData.require("models/nsfw_mobilenet_v2.h5")));
    }

    /** A channels-last graph that concatenates: the copy keeps every merge vertex's axis. */
    @Test
    void inceptionV3sLogitsAreItsDenseSoftmaxWithoutTheSoftmax() {
        softmaxOfTheLogitsIsTheProbabilities(ImageModels.load(SharedData.require("models/nsfw_inception_v3.h5"),
                ModelOptions.builder().preprocessing(Preprocessing.UNIT).build()));
    }

    @Test
    void aNetworkThatOutputsLogitsIsUsedAsItIs() {
        NetworkImageClassifier model = ImageModels.wrap(
                Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 4, Activation.IDENTITY),
                ModelOptions.builder().inputSize(12, 12).logits(true).build());
        NetworkImageClassifier logits = model.inLogitSpace();
        assertTrue(logits.network() == model.network(), "no copy");
        INDArray batch = pixels(model.input().batchShape(2));
        assertEquals(model.predict(batch.dup()), Transforms.softmax(logits.predict(batch.dup()), false));
    }

    @Test
    void aSigmoidOutputHasNoLogitSpace() {
        NetworkImageClassifier model = ImageModels.wrap(
                Dl4jFixtures.cnn(12, 12, 3, CNN2DFormat.NCHW, 3, Activation.SIGMOID),
                ModelOptions.builder().inputSize(12, 12).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, model::inLogitSpace);
        assertTrue(e.getMessage().contains("multi-label"), e.getMessage());
    }
}
