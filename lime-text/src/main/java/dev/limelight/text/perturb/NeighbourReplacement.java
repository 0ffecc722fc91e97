package dev.limelight.text.perturb;

import dev.limelight.text.tokenize.IndexedText;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/** Replaces a removed word by one of its nearest neighbours in a word-vector space. */
final class NeighbourReplacement implements Perturbation {

    private final WordNeighbours neighbours;
    private final int topN;

    NeighbourReplacement(WordNeighbours neighbours, int topN) {
        this.neighbours = Objects.requireNonNull(neighbours, "neighbours");
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be at least 1, got " + topN);
        }
        this.topN = topN;
    }

    @Override
    public PerturbedTextBuilder prepare(IndexedText text, long seed) {
        Objects.requireNonNull(text, "text");
        if (text.isCharacterLevel()) {
            throw new IllegalArgumentException("neighbour replacement needs word-level features; the text is "
                    + "tokenised at character level");
        }
        TokenTable table = new TokenTable(text);
        String[][] candidates = new String[table.features][];
        for (int f = 0; f < table.features; f++) {
            String word = text.word(f);
            List<String> near = neighbours.nearest(word, topN);
            candidates[f] = near.stream().map(n -> matchCase(word, n)).toArray(String[]::new);
        }
        String fallbackMask = text.isBagOfWords() ? null : text.maskString();
        return (samples, row) -> {
            table.check(samples);
            String[] chosen = new String[table.features];
            SplittableRandom random = new SplittableRandom(rowSeed(seed, row));
            for (int f = 0; f < table.features; f++) {
                if (!samples.keeps(row, f) && candidates[f].length > 0) {
                    chosen[f] = candidates[f][random.nextInt(candidates[f].length)];
                }
            }
            StringBuilder out = new StringBuilder(table.length + 16);
            for (int i = 0; i < table.tokens.length; i++) {
                int f = table.featureOfToken[i];
                if (f < 0 || samples.keeps(row, f)) {
                    out.append(table.tokens[i]);
                } else if (chosen[f] != null) {
                    out.append(chosen[f]);
                } else if (fallbackMask != null) {
                    out.append(fallbackMask);
                }
            }
            return out.toString();
        };
    }

    /** A seed for one row, mixed from the explanation's seed (SplitMix64 finaliser). */
    static long rowSeed(long seed, int row) {
        long z = seed + 0x9E3779B97F4A7C15L * (row + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Gives the neighbour the original's capitalisation (all capitals, or a capital first letter). */
    static String matchCase(String original, String neighbour) {
        if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))
                && !original.equals(original.toLowerCase(Locale.ROOT))) {
            return neighbour.toUpperCase(Locale.ROOT);
        }
        if (!original.isEmpty() && Character.isUpperCase(original.codePointAt(0)) && !neighbour.isEmpty()) {
            int first = neighbour.codePointAt(0);
            return new String(Character.toChars(Character.toUpperCase(first)))
                    + neighbour.substring(Character.charCount(first));
        }
        return neighbour;
    }

    @Override
    public String toString() {
        return "neighbour (top " + topN + " of " + neighbours + ")";
    }
}
