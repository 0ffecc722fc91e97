/**
 * The bundled default model's data and architecture: Fashion-MNIST (Xiao, Rasul, Vollgraf,
 * arXiv:1708.07747, Zalando SE, MIT licence) read from its IDX files
 * ({@link dev.limelight.models.fashion.IdxFiles}, {@link dev.limelight.models.fashion.FashionMnist})
 * and the small CNN trained on it ({@link dev.limelight.models.fashion.FashionMnistCnn}). The
 * training program that made the bundled zip is in the {@code studies} module.
 */
package dev.limelight.models.fashion;
