/**
 * LIME for text classifiers (Ribeiro, Singh and Guestrin, KDD 2016): which words made a model
 * predict a label. {@link dev.limelight.text.TextExplainer} tokenises a text as the reference
 * {@code lime} package does ({@code dev.limelight.text.tokenize}), perturbs it by removing, masking
 * or replacing words with word-vector neighbours ({@code dev.limelight.text.perturb}), scores the
 * perturbed texts in batches through lime-core's {@link dev.limelight.core.TextClassifier}, and
 * fits lime-core's K-Lasso; the result is a {@link dev.limelight.text.TextExplanation}, rendered as
 * JSON and HTML by {@code dev.limelight.text.render}. DL4J text models and labelled corpora live
 * in {@code dev.limelight.text.model} and {@code dev.limelight.text.corpus}; readers of the paper's
 * corpora and the runnable studies are in the {@code studies} module.
 */
package dev.limelight.text;
