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
        String mask = text.isBagOfWords() ? null : text.maskString();
        return (samples, row) -> {
            table.check(samples);
            StringBuilder out = new StringBuilder(table.length);
            for (int i = 0; i < table.tokens.length; i++) {
                int f = table.featureOfToken[i];
                if (f < 0 || samples.isPresent(row, f)) {
                    out.append(table.tokens[i]);
                } else if (mask != null) {
                    out.append(mask);
                }
            }
            return out.toString();
        };
    }

    @Override
    public String toString() {
        return "remove";
    }
}
