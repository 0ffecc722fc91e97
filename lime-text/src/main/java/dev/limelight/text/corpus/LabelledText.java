package dev.limelight.text.corpus;

import java.util.Objects;

/**
 * One document of a corpus.
 *
 * @param id    where it comes from (e.g. {@code alt.atheism/53061})
 * @param text  its text
 * @param label its class index in the corpus's class names
 */
public record LabelledText(String id, String text, int label) {

    /** Checks the arguments. */
    public LabelledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (label < 0) {
            throw new IllegalArgumentException("label must be >= 0, got " + label + " for " + id);
        }
    }

    /**
     * @param newText the replacement text
     * @return this document with another text (same id and label)
     */
    public LabelledText withText(String newText) {
        return new LabelledText(id, newText, label);
    }

    @Override
    public String toString() {
        return "LabelledText[" + id + ", label " + label + ", " + text.length() + " chars]";
    }
}
