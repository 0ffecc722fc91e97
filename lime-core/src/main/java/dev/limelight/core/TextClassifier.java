package dev.limelight.core;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A text classifier as the explainers see it: a list of documents in, class probabilities out.
 * The explainer calls it in batches (the batch size is an explainer option), never with all
 * perturbed texts at once.
 */
public interface TextClassifier {

    /** @return K, the number of classes (columns of the output) */
    int classCount();

    /**
     * Scores a batch of documents.
     *
     * @param texts N documents (a perturbed text may be empty)
     * @return N x K outputs of the {@link #outputKind()}: for the default, class probabilities
     *         (finite, non-negative, each row summing to 1)
     */
    INDArray predict(List<String> texts);

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
}
