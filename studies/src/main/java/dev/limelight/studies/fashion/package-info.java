/**
 * The training program of the bundled Fashion-MNIST CNN ({@link dev.limelight.studies.fashion.FashionMnistTraining},
 * a DL4J training script as Limelight's users write them): it reads the IDX files, shuffles and
 * splits the 70,000 images, trains {@link dev.limelight.models.fashion.FashionMnistCnn}, calibrates
 * it, and writes the DL4J zip with its model card and a few test images that the repository ships
 * in {@code models/bundled}.
 */
package dev.limelight.studies.fashion;
