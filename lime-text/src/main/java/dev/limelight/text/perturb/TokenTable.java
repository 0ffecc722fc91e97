package dev.limelight.text.perturb;

import dev.limelight.text.tokenize.IndexedText;

/** The tokens of a text as arrays, for building many perturbed copies quickly. */
final class TokenTable {

    final String[] tokens;
    final int[] featureOfToken;
    final int features;
    final int length;

    TokenTable(IndexedText text) {
        this.tokens = text.tokens().toArray(new String[0]);
        this.featureOfToken = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            featureOfToken[i] = text.featureOfToken(i);
        }
        this.features = text.featureCount();
        this.length = text.raw().length();
    }

    /** Checks the sample matrix was drawn for this text's features. */
    void check(RemovalSamples samples) {
        if (samples.features() != features) {
            throw new IllegalArgumentException("the sample matrix has " + samples.features()
                    + " features but the text has " + features);
        }
    }
}
