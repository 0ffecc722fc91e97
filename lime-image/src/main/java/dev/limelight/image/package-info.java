/**
 * Image explanations: superpixel segmentation with BoofCV, perturbed copies built as batched
 * masked ND4J tensors, scoring through lime-core's {@code ImageClassifier} contract, the K-Lasso
 * fit, and rendering as PNG, JSON and HTML.
 */
package dev.limelight.image;
