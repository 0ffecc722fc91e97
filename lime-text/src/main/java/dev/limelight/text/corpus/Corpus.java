package dev.limelight.text.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A labelled corpus split into training and held-out documents.
 *
 * @param name       a short name (e.g. {@code 20news-religion})
 * @param classNames the name of each class, by label
 * @param train      the training documents
 * @param test       the held-out documents
 */
public record Corpus(String name, List<String> classNames, List<LabelledText> train, List<LabelledText> test) {

    /** Copies the lists and checks every label is a class. */
    public Corpus {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        train = List.copyOf(train);
        test = List.copyOf(test);
        for (List<LabelledText> part : List.of(train, test)) {
            for (LabelledText t : part) {
                if (t.label() >= classNames.size()) {
                    throw new IllegalArgumentException(t.id() + " has label " + t.label() + " but the corpus has "
                            + classNames.size() + " classes");
                }
            }
        }
    }

    /**
     * @param newName   the name of the result
     * @param transform applied to every text, training and held-out
     * @return the corpus with transformed texts (e.g. headers stripped)
     */
    public Corpus mapTexts(String newName, UnaryOperator<String> transform) {
        return new Corpus(newName, classNames, map(train, transform), map(test, transform));
    }

    private static List<LabelledText> map(List<LabelledText> texts, UnaryOperator<String> transform) {
        List<LabelledText> out = new ArrayList<>(texts.size());
        for (LabelledText t : texts) {
            out.add(t.withText(transform.apply(t.text())));
        }
        return out;
    }

    /**
     * @param texts documents
     * @return their texts, in order
     */
    public static List<String> texts(List<LabelledText> texts) {
        return texts.stream().map(LabelledText::text).toList();
    }

    /**
     * @param texts documents
     * @return their labels, in order
     */
    public static int[] labels(List<LabelledText> texts) {
        return texts.stream().mapToInt(LabelledText::label).toArray();
    }

    @Override
    public String toString() {
        return "Corpus[" + name + ", classes " + classNames + ", train " + train.size() + ", test " + test.size() + "]";
    }
}
