/** A runnable demonstration of the training listener on the real Fashion-MNIST. */
package dev.limelight.training.demo;
