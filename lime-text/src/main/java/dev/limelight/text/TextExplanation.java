package dev.limelight.text;

import dev.limelight.core.OutputKind;
import dev.limelight.core.StageTimings;
import dev.limelight.core.sampling.SamplingReport;
import dev.limelight.text.tokenize.IndexedText;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Why a text classifier predicted what it did: per explained label, the weight of the words that
 * matter most, with the tokenised text they refer to and how the explanation was made.
 *
 * @param text          the explained text, tokenised (feature i of a surrogate is
 *                      {@code text.word(i)})
 * @param labels        one explanation per explained label, in the order asked (most probable
 *                      first when the top labels were asked)
 * @param classNames    the classifier's class names
 * @param probabilities the classifier's probabilities for the original text, one per class
 * @param seed          the seed used
 * @param samples       N, the number of perturbed texts scored (the original included)
 * @param options       the options used
 * @param timings       wall time per stage
 * @param counterfactual the fewest top words whose removal flips the prediction (searched when
 *                      {@link TextExplainerOptions#counterfactual()} is set, for the predicted label
 *                      if it was explained), or null if not searched or not found
 * @param sampling      how adaptive sampling went, or null when it was off
 * @param outputKind    what the classifier's outputs are
 */
public record TextExplanation(IndexedText text, List<TextLabelExplanation> labels, List<String> classNames,
                              double[] probabilities, long seed, int samples, TextExplainerOptions options,
                              StageTimings timings, TextCounterfactual counterfactual, SamplingReport sampling,
                              OutputKind outputKind) {

    /** Copies the lists and the probabilities. */
    public TextExplanation {
        labels = List.copyOf(labels);
        classNames = List.copyOf(classNames);
        probabilities = probabilities.clone();
    }

    /** @return a copy of the probabilities of the original text */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * @param label a class index
     * @return the explanation of that label
     * @throws NoSuchElementException if that label was not explained
     */
    public TextLabelExplanation label(int label) {
        return labels.stream().filter(l -> l.label() == label).findFirst()
                .orElseThrow(() -> new NoSuchElementException("label " + label + " was not explained; explained: "
                        + labels.stream().map(TextLabelExplanation::label).toList()));
    }

    /** @return how adaptive sampling went, if it was on */
    public Optional<SamplingReport> samplingIfAdaptive() {
        return Optional.ofNullable(sampling);
    }

    /** @return the counterfactual, if searched for and found */
    public Optional<TextCounterfactual> counterfactualIfFound() {
        return Optional.ofNullable(counterfactual);
    }

    /** @return the first explained label's explanation */
    public TextLabelExplanation first() {
        return labels.get(0);
    }

    /** @return the class of highest probability on the original text (ties to the lower index) */
    public int predictedLabel() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "TextExplanation[features=" + text.featureCount() + ", samples=" + samples + ", seed=" + seed
                + ", labels=" + labels.stream().map(l -> l.label() + " " + l.name()).toList() + ", " + timings + "]";
    }
}
