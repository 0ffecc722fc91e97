package dev.limelight.models;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
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
 * The bundled model's architecture for any image size and class count: a small CNN (NCHW, pixels
 * scaled to [0, 1] by the {@code unit} preset).
 *
 * <pre>
 * conv 3x3, 16 filters, same padding, ReLU  -> H x W x 16
 * max pool 2x2                              -> H/2 x W/2 x 16
 * conv 3x3, 32 filters, same padding, ReLU
 * max pool 2x2                              -> H/4 x W/4 x 32
 * dense 128, ReLU
 * dense K, softmax (cross-entropy loss)
 * </pre>
 *
 * Adam with a learning rate that decays by a constant factor per epoch (the training loop calls
 * {@code incrementEpochCount()}), He initialisation, a fixed seed. For 28 x 28 x 1 and ten classes it
 * is the bundled Fashion-MNIST model (206,922 parameters).
 */
public final class SmallCnn {

    /** Default initial Adam learning rate: 2e-3. */
    public static final double DEFAULT_LEARNING_RATE = 2e-3;

    /** Default factor applied to the learning rate after each epoch: 0.5. */
    public static final double DEFAULT_LEARNING_RATE_DECAY = 0.5;

    /** The smallest image side the two poolings leave something of. */
    public static final int MIN_SIDE = 4;

    private SmallCnn() {
    }

    /**
     * @param input        the images: at least {@value #MIN_SIDE} pixels a side, 1 or 3 channels, NCHW
     * @param classes      the number of classes, at least 2
     * @param seed         seed of the weight initialisation
     * @param learningRate Adam's learning rate in the first epoch, positive
     * @param decay        factor applied to it after each epoch, in (0, 1]
     * @return the network configuration
     * @throws IllegalArgumentException for an input that is not NCHW or too small, fewer than two
     *                                  classes, or a learning rate or decay out of range
     */
    public static MultiLayerConfiguration configuration(ImageInput input, int classes, long seed, double learningRate,
                                                        double decay) {
        if (input.layout() != ImageLayout.NCHW || input.height() < MIN_SIDE || input.width() < MIN_SIDE) {
            throw new IllegalArgumentException("the small CNN takes NCHW images of at least " + MIN_SIDE + " x "
                    + MIN_SIDE + " pixels, got " + input);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        if (!(learningRate > 0) || !(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("the learning rate must be positive and its decay in (0, 1], got "
                    + learningRate + " and " + decay);
        }
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
                        .nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(input.height(), input.width(), input.channels()))
                .build();
    }
}
