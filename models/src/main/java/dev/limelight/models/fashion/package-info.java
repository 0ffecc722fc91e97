/**
 * The bundled default model: a small DL4J CNN trained on Fashion-MNIST (Xiao, Rasul, Vollgraf,
 * arXiv:1708.07747, Zalando SE, MIT licence). {@link dev.limelight.models.fashion.FashionMnistTraining}
 * is the training program (a DL4J training script, as Limelight's users write them): it reads the
 * IDX files ({@link dev.limelight.models.fashion.IdxFiles}), shuffles and splits the 70,000 images
 * ({@link dev.limelight.models.fashion.FashionMnist}), trains
 * {@link dev.limelight.models.fashion.FashionMnistCnn}, calibrates it, and writes the DL4J zip with
 * its model card and a few test images that the repository ships in {@code models/bundled}.
 */
package dev.limelight.models.fashion;
