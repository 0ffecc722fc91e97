/**
 * The LIME math shared by every Limelight explainer: the exponential kernel and cosine distance,
 * the K-Lasso local surrogate (feature selection followed by a weighted ridge regression) and
 * SP-LIME, the submodular pick over many explanations.
 *
 * <p>The algorithms follow Ribeiro, Singh and Guestrin, "Why Should I Trust You?": Explaining the
 * Predictions of Any Classifier (KDD 2016), and agree to 1e-6 with the reference {@code lime}
 * package (0.2.0.1) on its golden vectors. The entry point is {@link dev.limelight.core.KLasso};
 * its input is a {@link dev.limelight.core.Neighbourhood}, its output one
 * {@link dev.limelight.core.LocalExplanation} per explained label.
 *
 * <p>This package depends on {@code nd4j-api} only: the weighted Gram matrix is formed with one
 * ND4J matrix product on whatever backend is active, and the small d x d systems are solved in
 * double precision on the heap.
 */
package dev.limelight.core;
