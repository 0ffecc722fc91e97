package dev.limelight.core;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optional capability of an {@link ImageClassifier} (see {@link ImageClassifier#embedder()}): the
 * activations of the layer before the output, the model's own picture of an image, beside its
 * outputs. Audits use them to find images far from the rest of their class, and neighbours.
 */
@FunctionalInterface
public interface ImageEmbedder {

    /**
     * What the model makes of a batch.
     *
     * @param outputs    N x K outputs, as {@link ImageClassifier#predict(INDArray)} returns them
     * @param embeddings N x D activations of the layer before the output, flattened per image
     */
    record Embedded(INDArray outputs, INDArray embeddings) {

        /** Checks that both are there for the same images. */
        public Embedded {
            Objects.requireNonNull(outputs, "outputs");
            Objects.requireNonNull(embeddings, "embeddings");
            if (outputs.size(0) != embeddings.size(0)) {
                throw new IllegalArgumentException(outputs.size(0) + " output rows but " + embeddings.size(0)
                        + " embeddings");
            }
        }
    }

    /**
     * @param batch a batch as {@link ImageClassifier#predict(INDArray)} takes it (it may be
     *              preprocessed in place)
     * @return its outputs and embeddings
     */
    Embedded predictAndEmbed(INDArray batch);
}
