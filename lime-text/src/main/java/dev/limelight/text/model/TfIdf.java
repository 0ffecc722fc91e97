package dev.limelight.text.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TF-IDF features of texts over a {@link Vocabulary}: sublinear term frequency
 * {@code 1 + ln(tf)}, times idf, each row scaled to unit length (scikit-learn's
 * {@code TfidfVectorizer(sublinear_tf=True)}). Unknown terms are ignored; a text without a known
 * term gives a zero row. Thread-safe.
 */
public final class TfIdf {

    private final Vocabulary vocabulary;

    /** @param vocabulary the columns */
    public TfIdf(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** @return the vocabulary */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * @param texts N texts
     * @return N x V float features
     */
    public INDArray features(List<String> texts) {
        int v = vocabulary.size();
        float[] data = new float[texts.size() * v];
        for (int row = 0; row < texts.size(); row++) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (String term : Terms.of(texts.get(row))) {
                int column = vocabulary.indexOf(term);
                if (column >= 0) {
                    counts.merge(column, 1, Integer::sum);
                }
            }
            double norm = 0;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                double value = (1 + Math.log(e.getValue())) * vocabulary.idf(e.getKey());
                data[row * v + e.getKey()] = (float) value;
                norm += value * value;
            }
            if (norm > 0) {
                float scale = (float) (1 / Math.sqrt(norm));
                for (int column : counts.keySet()) {
                    data[row * v + column] *= scale;
                }
            }
        }
        return Nd4j.create(data, new long[] {texts.size(), v}, DataType.FLOAT);
    }
}
