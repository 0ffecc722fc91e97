package dev.limelight.benchmarks.text;

import dev.limelight.core.TextClassifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The inputs of the text benchmarks: a fixed 214-word text and a trivial classifier. */
public final class BenchmarkTexts {

    /** Words of the benchmark text: 214, all distinct, so d = 214 features. */
    public static final int WORDS = 214;

    private BenchmarkTexts() {
    }

    /**
     * @return a text of {@value #WORDS} distinct lower-case pseudo-words (2 to 9 letters) separated
     *         by spaces and some punctuation, the same on every call; word 0 is "excellent"
     */
    public static String text() {
        SplittableRandom random = new SplittableRandom(214);
        Set<String> words = new LinkedHashSet<>();
        words.add("excellent");
        while (words.size() < WORDS) {
            int length = 2 + random.nextInt(8);
            StringBuilder w = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words.add(w.toString());
        }
        StringBuilder text = new StringBuilder();
        int i = 0;
        for (String w : words) {
            if (i > 0) {
                text.append(i % 13 == 0 ? ". " : i % 7 == 0 ? ", " : " ");
            }
            text.append(w);
            i++;
        }
        return text.append('.').toString();
    }

    /**
     * A trivial two-class classifier: p(class 1) = 0.9 if the text contains "excellent", else 0.2.
     * Its cost is a substring search per text.
     */
    public static final class Trivial implements TextClassifier {
        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public INDArray predict(List<String> texts) {
            double[][] p = new double[texts.size()][];
            for (int i = 0; i < p.length; i++) {
                double q = texts.get(i).contains("excellent") ? 0.9 : 0.2;
                p[i] = new double[] {1 - q, q};
            }
            return Nd4j.createFromArray(p);
        }
    }
}
