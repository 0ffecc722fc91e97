package dev.limelight.text;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The fewest of the explanation's top words whose removal flips the classifier's prediction,
 * verified by the classifier: the words of largest positive weight for the predicted label are
 * removed one more at a time (with the explanation's own perturbation) until the predicted label
 * changes.
 *
 * @param removed                  the removed words, in the order removed (largest weight first)
 * @param originalLabel            the label predicted on the whole text
 * @param originalName             its class name
 * @param newLabel                 the label predicted once the words are removed
 * @param newName                  its class name
 * @param newProbability           the classifier's probability for the new label
 * @param originalLabelProbability the probability left for the original label
 * @param text                     the text the classifier saw with the words removed
 */
public record TextCounterfactual(List<WordWeight> removed, int originalLabel, String originalName, int newLabel,
                                 String newName, double newProbability, double originalLabelProbability,
                                 String text) {

    /** Copies the list. */
    public TextCounterfactual {
        removed = List.copyOf(removed);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "removing %s turns %s into %s (p=%.4f; %s keeps %.4f)",
                removed.stream().map(WordWeight::word).collect(Collectors.joining(", ", "[", "]")), originalName,
                newName, newProbability, originalName, originalLabelProbability);
    }
}
