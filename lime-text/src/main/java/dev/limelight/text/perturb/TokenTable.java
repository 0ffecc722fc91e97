package dev.limelight.text.perturb;

import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.text.tokenize.IndexedText;

/** The tokens of a text as arrays, for building many perturbed copies quickly. */
final class TokenTable {

    final String[] tokens;
    final int[] featureOfToken;
    final int[] tokenStart;
    final char[] raw;
    final int features;
    final int length;

    TokenTable(IndexedText text) {
        this.tokens = text.tokens().toArray(new String[0]);
        this.featureOfToken = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            featureOfToken[i] = text.featureOfToken(i);
        }
        this.tokenStart = new int[tokens.length + 1];
        for (int i = 0; i < tokens.length; i++) {
            tokenStart[i + 1] = tokenStart[i] + tokens[i].length();
        }
        this.raw = text.raw().toCharArray();
        this.features = text.featureCount();
        this.length = raw.length;
    }

    /** Checks the sample matrix was drawn for this text's features. */
    void check(SampleMatrix samples) {
        if (samples.features() != features) {
            throw new IllegalArgumentException("the sample matrix has " + samples.features()
                    + " features but the text has " + features);
        }
    }

    /**
     * The text of a row with every absent occurrence replaced by {@code replacement} (empty to
     * delete it): kept stretches of the original are copied as whole runs.
     */
    String replaceAbsent(SampleMatrix samples, int row, char[] replacement) {
        int n = tokens.length;
        int size = 0;
        for (int i = 0; i < n; i++) {
            int f = featureOfToken[i];
            size += f < 0 || samples.keeps(row, f) ? tokenStart[i + 1] - tokenStart[i] : replacement.length;
        }
        char[] out = new char[size];
        int at = 0;
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            int f = featureOfToken[i];
            if (f >= 0 && !samples.keeps(row, f)) {
                int runLength = tokenStart[i] - runStart;
                System.arraycopy(raw, runStart, out, at, runLength);
                at += runLength;
                System.arraycopy(replacement, 0, out, at, replacement.length);
                at += replacement.length;
                runStart = tokenStart[i + 1];
            }
        }
        System.arraycopy(raw, runStart, out, at, raw.length - runStart);
        return new String(out);
    }
}
