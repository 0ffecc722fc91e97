package dev.limelight.text;

import dev.limelight.core.TextClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A two-class classifier keyed on one word: p(class 1) is {@code present} when the word occurs as a
 * whole word, {@code absent} otherwise. Records the size of every batch it is given.
 */
public final class KeywordClassifier implements TextClassifier {

    private final Pattern word;
    private final double present;
    private final double absent;
    private final List<List<String>> batches = new ArrayList<>();

    public KeywordClassifier(String word, double present, double absent) {
        this.word = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_])");
        this.present = present;
        this.absent = absent;
    }

    @Override
    public int classCount() {
        return 2;
    }

    @Override
    public synchronized INDArray predict(List<String> texts) {
        batches.add(List.copyOf(texts));
        double[][] p = new double[texts.size()][];
        for (int i = 0; i < p.length; i++) {
            double q = word.matcher(texts.get(i)).find() ? present : absent;
            p[i] = new double[] {1 - q, q};
        }
        return Nd4j.createFromArray(p);
    }

    @Override
    public List<String> classNames() {
        return List.of("without", "with");
    }

    /** @return every batch given so far, in call order */
    public synchronized List<List<String>> batches() {
        return List.copyOf(batches);
    }
}
