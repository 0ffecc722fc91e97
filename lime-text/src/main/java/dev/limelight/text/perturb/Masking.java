package dev.limelight.text.perturb;

import dev.limelight.text.tokenize.IndexedText;
import java.util.Objects;

/** Every removed occurrence becomes a fixed token, in either tokenisation mode. */
final class Masking implements Perturbation {

    private final String token;

    Masking(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public PerturbedTextBuilder prepare(IndexedText text, long seed) {
        Objects.requireNonNull(text, "text");
        TokenTable table = new TokenTable(text);
        char[] replacement = token.toCharArray();
        return (samples, row) -> {
            table.check(samples);
            return table.replaceAbsent(samples, row, replacement);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Masking m && m.token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    @Override
    public String toString() {
        return "mask \"" + token + "\"";
    }
}
