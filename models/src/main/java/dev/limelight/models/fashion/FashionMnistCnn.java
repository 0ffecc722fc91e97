package dev.limelight.models.fashion;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The bundled model's architecture: a small CNN for 1 x 28 x 28 images (NCHW, pixels scaled to
 * [0, 1] by the {@code unit} preset), 206,922 parameters, sized so that an epoch over 55,000
 * images takes one to two minutes on 2 CPU cores.
 *
 * <pre>
 * conv 3x3, 16 filters, same padding, ReLU  -> 28 x 28 x 16
 * max pool 2x2                              -> 14 x 14 x 16
 * conv 3x3, 32 filters, same padding, ReLU  -> 14 x 14 x 32
 * max pool 2x2                              ->  7 x  7 x 32
 * dense 128, ReLU
 * dense 10, softmax (cross-entropy loss)
 * </pre>
 *
 * Adam with a learning rate that decays by a constant factor per epoch (the training loop calls
 * {@code incrementEpochCount()}), He initialisation, a fixed seed.
 */
public final class FashionMnistCnn {

    /** Default initial Adam learning rate: 2e-3. */
    public static final double DEFAULT_LEARNING_RATE = 2e-3;

    /** Default factor applied to the learning rate after each epoch: 0.5. */
    public static final double DEFAULT_LEARNING_RATE_DECAY = 0.5;

    private FashionMnistCnn() {
    }

    /**
     * @param seed         seed of the weight initialisation
     * @param learningRate Adam's learning rate in the first epoch
     * @param decay        factor applied to it after each epoch, in (0, 1]
     * @return the network configuration, input type convolutional(28, 28, 1), NCHW
     */
    public static MultiLayerConfiguration configuration(long seed, double learningRate, double decay) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(new ExponentialSchedule(ScheduleType.EPOCH, learningRate, decay)))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool1").kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv2").nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool2").kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("dense").nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("scores")
                        .nOut(FashionMnist.CLASS_NAMES.size()).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(FashionMnist.SIZE, FashionMnist.SIZE, 1))
                .build();
    }
}
