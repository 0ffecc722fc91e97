package dev.limelight.text.perturb;

import dev.limelight.text.tokenize.IndexedText;
import java.util.Objects;

/** The reference's {@code inverse_removing}: delete (bag of words) or mask (positional). */
final class Removal implements Perturbation {

    static final Removal INSTANCE = new Removal();

    private Removal() {
    }

    @Override
    public PerturbedTextBuilder prepare(IndexedText text, long seed) {
        Objects.requireNonNull(text, "text");
        TokenTable table = new TokenTable(text);
        char[] replacement = text.isBagOfWords() ? new char[0] : text.maskString().toCharArray();
        return (samples, row) -> {
            table.check(samples);
            return table.replaceAbsent(samples, row, replacement);
        };
    }

    @Override
    public String toString() {
        return "remove";
    }
}
