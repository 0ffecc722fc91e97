/**
 * Throughput of the real models behind the explainers: images per second of
 * {@code ImageClassifier.predict} (preprocessing, forward pass, probability check) at the batch
 * sizes an explainer uses, for the shared InceptionV3 and MobileNetV2 and the bundled Fashion-MNIST
 * CNN, on whichever ND4J natives the build selected.
 */
package dev.limelight.benchmarks.models;
