package dev.limelight.text.model;

import dev.limelight.core.Probabilities;
import dev.limelight.core.TextClassifier;
import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Held-out evaluation of a text classifier. */
public final class HeldOut {

    private HeldOut() {
    }

    /**
     * The share of documents whose most probable class is their label.
     *
     * @param classifier the classifier
     * @param documents  labelled documents
     * @param batchSize  documents per classifier call, at least 1
     * @return the accuracy in [0, 1]
     */
    public static double accuracy(TextClassifier classifier, List<LabelledText> documents, int batchSize) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no document to evaluate");
        }
        int correct = 0;
        for (int from = 0; from < documents.size(); from += batchSize) {
            List<LabelledText> batch = documents.subList(from, Math.min(documents.size(), from + batchSize));
            INDArray p = Probabilities.requireValid(classifier.predict(Corpus.texts(batch)), batch.size(),
                    classifier.classCount(), classifier.toString());
            int[] predicted = p.argMax(1).toIntVector();
            for (int i = 0; i < predicted.length; i++) {
                correct += predicted[i] == batch.get(i).label() ? 1 : 0;
            }
        }
        return correct / (double) documents.size();
    }
}
