/**
 * Labelled texts as the text models train on them: a {@link dev.limelight.text.corpus.Corpus} of
 * {@link dev.limelight.text.corpus.LabelledText}s with its class names, split into training and
 * test parts. Readers of particular corpora (20 Newsgroups, the multi-domain sentiment reviews) are
 * research code and live in the {@code studies} module.
 */
package dev.limelight.text.corpus;
