/**
 * Benchmarks of the text explainer: a whole 5000-sample explanation of a 214-word text with a
 * trivial classifier, the setting in which the reference {@code lime} was measured here (0.65 s,
 * 3.5 s with forward selection, K = 6).
 */
package dev.limelight.benchmarks.text;
