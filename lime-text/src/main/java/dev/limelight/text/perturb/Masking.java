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
        return (samples, row) -> {
            table.check(samples);
            StringBuilder out = new StringBuilder(table.length + 16);
            for (int i = 0; i < table.tokens.length; i++) {
                int f = table.featureOfToken[i];
                out.append(f < 0 || samples.isPresent(row, f) ? table.tokens[i] : token);
            }
            return out.toString();
        };
    }

    @Override
    public String toString() {
        return "mask \"" + token + "\"";
    }
}
