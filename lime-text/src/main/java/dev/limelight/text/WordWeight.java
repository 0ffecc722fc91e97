package dev.limelight.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * One word of a text explanation and its weight.
 *
 * @param feature the feature index in the explanation's {@code IndexedText}
 * @param word    the word (or character) as it appears in the text
 * @param weight  its coefficient in the surrogate: positive pushes the explained label's
 *                probability up, negative down
 * @param offsets where its occurrences start in the text (Java {@code char} offsets): all of them
 *                in bag-of-words mode, one in positional mode
 */
public record WordWeight(int feature, String word, double weight, int[] offsets) {

    /** Copies the offsets. */
    public WordWeight {
        offsets = offsets.clone();
    }

    /** @return a copy of the offsets */
    @Override
    public int[] offsets() {
        return offsets.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordWeight w && feature == w.feature && word.equals(w.word)
                && Double.compare(weight, w.weight) == 0 && Arrays.equals(offsets, w.offsets);
    }

    @Override
    public int hashCode() {
        return (feature * 31 + word.hashCode()) * 31 + Double.hashCode(weight) * 31 + Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s=%+.6f", word, weight);
    }
}
