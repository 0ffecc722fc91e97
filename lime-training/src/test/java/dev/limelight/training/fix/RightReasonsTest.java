package dev.limelight.training.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The penalty's weight gradient, taken by a finite difference along the masked input gradient,
 * against the gradient of the penalty itself taken parameter by parameter (a gradient check on a
 * small smooth network in double precision).
 */
class RightReasonsTest {

    @Test
    void thePenaltyGradientMatchesTheDerivativeOfThePenalty() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.DOUBLE).list()
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(3).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(4, 4, 1)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 1, 4, 4);
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, 3, 1, 4, 4);
        for (int n = 0; n < 3; n++) {
            for (int p = 0; p < 6; p++) {
                mask.putScalar(new long[] {n, 0, p / 4, p % 4}, 1);
            }
        }

        INDArray estimate = RightReasons.penaltyGradient(network, x, mask);

        INDArray params = network.params();
        double h = 1e-5;
        int checked = 0;
        for (int j = 0; j < params.length(); j += 3) {
            double original = params.getDouble(j);
            params.putScalar(j, original + h);
            double up = RightReasons.penalty(network, x, mask);
            params.putScalar(j, original - h);
            double down = RightReasons.penalty(network, x, mask);
            params.putScalar(j, original);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, estimate.getDouble(j), 1e-3 + 0.02 * Math.abs(numeric), "parameter " + j);
            checked++;
        }
        assertTrue(checked > 10);
        assertTrue(estimate.norm2Number().doubleValue() > 1e-3, "a gradient that is not zero everywhere");
    }
}
