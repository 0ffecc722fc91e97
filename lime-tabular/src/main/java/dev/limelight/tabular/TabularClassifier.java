package dev.limelight.tabular;

import dev.limelight.core.OutputKind;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A classifier of table rows as the tabular explainer sees it: encoded rows in (one value per
 * feature column of its {@link TableSchema}: a number, or a category index), class probabilities
 * out. Its own preprocessing (one-hot encoding, normalisation) happens inside.
 */
public interface TabularClassifier {

    /** @return K, the number of classes (columns of the output) */
    int classCount();

    /**
     * Scores a batch of rows.
     *
     * @param rows N encoded rows
     * @return N x K outputs of the {@link #outputKind()}: for the default, class probabilities
     */
    INDArray predict(double[][] rows);

    /** @return a readable name per class (default: "class 0", "class 1", ...) */
    default List<String> classNames() {
        return IntStream.range(0, classCount()).mapToObj(i -> "class " + i).collect(Collectors.toList());
    }

    /** @return what the output rows are (default {@link OutputKind#SOFTMAX}: class probabilities) */
    default OutputKind outputKind() {
        return OutputKind.SOFTMAX;
    }
}
