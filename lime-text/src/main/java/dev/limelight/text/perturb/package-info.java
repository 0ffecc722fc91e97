/**
 * Perturbed texts: the sample matrix of removed features
 * ({@link dev.limelight.core.sampling.SampleMatrix} with the {@link dev.limelight.core.sampling.SamplingDesign#REMOVAL} design, drawn as the reference draws it) and what a
 * removed word becomes in the text the model sees ({@link dev.limelight.text.perturb.Perturbation}:
 * removed as the reference, masked, or replaced by a near neighbour in a DL4J word-vector space
 * through {@link dev.limelight.text.perturb.WordNeighbours}).
 */
package dev.limelight.text.perturb;

