package dev.limelight.text;

import dev.limelight.core.TextClassifier;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A two-class text classifier made from a function: p(class 1) of a text; p(class 0) is the rest. */
public final class TwoClassClassifier implements TextClassifier {

    private final ToDoubleFunction<String> probabilityOfClass1;

    private TwoClassClassifier(ToDoubleFunction<String> probabilityOfClass1) {
        this.probabilityOfClass1 = probabilityOfClass1;
    }

    /** @return the classifier whose p(class 1) on a text is the function's value */
    public static TwoClassClassifier of(ToDoubleFunction<String> probabilityOfClass1) {
        return new TwoClassClassifier(probabilityOfClass1);
    }

    @Override
    public int classCount() {
        return 2;
    }

    @Override
    public INDArray predict(List<String> texts) {
        double[][] p = new double[texts.size()][];
        for (int i = 0; i < p.length; i++) {
            double q = probabilityOfClass1.applyAsDouble(texts.get(i));
            p[i] = new double[] {1 - q, q};
        }
        return Nd4j.createFromArray(p);
    }
}
