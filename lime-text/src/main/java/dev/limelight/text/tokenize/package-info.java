/**
 * Tokenisation as the reference {@code lime} package does it: a text cut into words and
 * separators (or characters) that rebuild it exactly, and the features LIME perturbs, either bag of
 * words or positional. {@link dev.limelight.text.tokenize.SplitExpression} carries the word
 * separator with Python's Unicode semantics; {@link dev.limelight.text.tokenize.Tokenizer} holds
 * the options; {@link dev.limelight.text.tokenize.IndexedText} is the result.
 */
package dev.limelight.text.tokenize;
