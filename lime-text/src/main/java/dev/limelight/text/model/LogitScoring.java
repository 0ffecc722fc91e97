package dev.limelight.text.model;

import dev.limelight.core.TextClassifier;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

/**
 * A text classifier that can score the logits of its network: the scores before the final softmax,
 * which an explanation fits in the logit space ({@code explain-text --explain-space logit}).
 */
public interface LogitScoring {

    /**
     * @return the same classifier scoring its network's logits ({@link dev.limelight.core.OutputKind#LOGIT}
     *         outputs) through a copy of the network whose output activation is the identity
     */
    TextClassifier inLogitSpace();

    /**
     * @param network a network whose last layer is a softmax
     * @return a copy (weights duplicated) whose last layer's activation is the identity
     * @throws IllegalArgumentException when the last layer is not a softmax
     */
    static MultiLayerNetwork withoutSoftmax(MultiLayerNetwork network) {
        MultiLayerNetwork copy = network.clone();
        if (!(copy.getLayer(copy.getnLayers() - 1).conf().getLayer() instanceof BaseLayer last)
                || !(last.getActivationFn() instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("the network's last layer is not a softmax: it has no logits to score");
        }
        last.setActivationFn(new ActivationIdentity());
        return copy;
    }
}
