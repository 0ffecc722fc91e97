/** The Spark audit against the single-JVM audit, on real Fashion-MNIST test images and the bundled CNN. */
package dev.limelight.benchmarks.spark;
