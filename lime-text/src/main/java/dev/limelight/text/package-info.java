/**
 * Text explanations: tokenisation as the reference {@code lime} package does it, perturbation by
 * removing, masking or replacing words with a word-vector neighbour (DL4J), scoring through
 * lime-core's {@code TextClassifier} contract, and HTML rendering.
 */
package dev.limelight.text;
