package dev.limelight.models.fashion;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.models.SmallCnn;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * The bundled model's architecture, {@link SmallCnn} for 1 x 28 x 28 images (NCHW, pixels scaled to
 * [0, 1] by the {@code unit} preset) and ten classes, 206,922 parameters, sized so that an epoch over 55,000
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
    public static final double DEFAULT_LEARNING_RATE = SmallCnn.DEFAULT_LEARNING_RATE;

    /** Default factor applied to the learning rate after each epoch: 0.5. */
    public static final double DEFAULT_LEARNING_RATE_DECAY = SmallCnn.DEFAULT_LEARNING_RATE_DECAY;

    private FashionMnistCnn() {
    }

    /**
     * @param seed         seed of the weight initialisation
     * @param learningRate Adam's learning rate in the first epoch
     * @param decay        factor applied to it after each epoch, in (0, 1]
     * @return the network configuration, input type convolutional(28, 28, 1), NCHW
     */
    public static MultiLayerConfiguration configuration(long seed, double learningRate, double decay) {
        return SmallCnn.configuration(new ImageInput(FashionMnist.SIZE, FashionMnist.SIZE, 1, ImageLayout.NCHW),
                FashionMnist.CLASS_NAMES.size(), seed, learningRate, decay);
    }
}
