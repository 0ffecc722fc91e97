package dev.limelight.core;

import dev.limelight.core.trust.TrustReport;

/** One explained label of any kind of input: what the model said and what the surrogate and trust measures found. */
public interface ExplainedLabel {

    /** @return the output column explained */
    int label();

    /** @return its name */
    String name();

    /** @return the model's output for it on the original input */
    double probability();

    /** @return the K-Lasso surrogate */
    LocalExplanation surrogate();

    /** @return the trust measures taken */
    TrustReport trust();
}
