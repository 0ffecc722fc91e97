package dev.limelight.core;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An image classifier as the explainers see it: a batch of images in, class probabilities out.
 * The {@code models} module adapts real networks (Keras imports, DL4J networks) to it; tests may
 * use small hand-written ones.
 *
 * <p>The explainer builds batches of exactly {@link #input()}'s size, channels and layout, with
 * float pixel values in [0, 255] (RGB order for 3 channels), and never reuses a batch after
 * {@link #predict(INDArray)}: an implementation may preprocess it in place (scaling, mean
 * subtraction, channel order) to avoid a copy.
 */
public interface ImageClassifier {

    /** @return the size, channels and layout of the images {@link #predict(INDArray)} accepts */
    ImageInput input();

    /** @return K, the number of classes (columns of the output) */
    int classCount();

    /**
     * Scores a batch.
     *
     * @param batch N images as described by {@link #input()}, values in [0, 255]; may be modified
     * @return N x K outputs of the {@link #outputKind()}: for the default, class probabilities
     *         (finite, non-negative, each row summing to 1)
     */
    INDArray predict(INDArray batch);

    /** @return a readable name per class (default: "class 0", "class 1", ...) */
    default List<String> classNames() {
        return IntStream.range(0, classCount()).mapToObj(i -> "class " + i).collect(Collectors.toList());
    }

    /**
     * @return what the output rows are (default {@link OutputKind#SOFTMAX}: class probabilities);
     *         decides how they are checked and what an explained label means
     */
    default OutputKind outputKind() {
        return OutputKind.SOFTMAX;
    }

    /**
     * @return the model's embeddings (the activations before its output), if it can give them;
     *         default none
     */
    default Optional<ImageEmbedder> embedder() {
        return Optional.empty();
    }

    /**
     * @return the classifier's preprocessing as a step of its own, if it can separate it from
     *         {@link #predict(INDArray)}; default none (batches are scored as they are built)
     */
    default Optional<PreprocessedInput> preprocessedInput() {
        return Optional.empty();
    }

    /**
     * @return which output an explanation of this classifier fits (default: its outputs as they are;
     *         a calibrated classifier says its temperature)
     */
    default ExplainedOutput explainedOutput() {
        return ExplainedOutput.of(outputKind());
    }
}
