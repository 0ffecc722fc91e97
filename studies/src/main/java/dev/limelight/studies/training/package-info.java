/**
 * Demonstrations of the training listener on real data: {@link dev.limelight.studies.training.FashionMnistShortcut}
 * trains a CNN on Fashion-MNIST with a planted shortcut and watches its reliance on it.
 */
package dev.limelight.studies.training;
