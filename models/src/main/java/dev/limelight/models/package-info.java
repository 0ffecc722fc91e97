/**
 * Real models behind lime-core's classifier contracts: Keras HDF5 and DL4J model files in,
 * probabilities out, with the input layout (NCHW or NHWC), preprocessing presets, class names and
 * the checks on the output handled here so that the explainers never see them.
 *
 * <ul>
 *   <li>{@link dev.limelight.models.ImageModels}: the entry point; reads a file
 *       ({@link dev.limelight.models.ModelFormat} tells Keras HDF5 from DL4J zip by its first bytes)
 *       and makes a {@link dev.limelight.models.NetworkImageClassifier} of it, or wraps a network a
 *       DL4J program holds in memory;</li>
 *   <li>{@link dev.limelight.models.ModelOptions}: preprocessing, logits, input size, class names,
 *       with documented defaults;</li>
 *   <li>{@link dev.limelight.models.Preprocessing}: the named presets unit, inception, caffe, none;</li>
 *   <li>{@link dev.limelight.models.ClassNames}: class names from an imagenet_class_index.json-style
 *       file or one name per line;</li>
 *   <li>{@link dev.limelight.models.LoadedNetwork}: the bare DL4J network and what its file says
 *       about its input;</li>
 *   <li>{@link dev.limelight.models.ModelCard}: what a DL4J zip needs to say for Limelight (input,
 *       preset, class names, temperature), stored inside the zip;</li>
 *   <li>{@link dev.limelight.models.ModelFileException}: every unreadable model file, with the
 *       problem named;</li>
 *   <li>{@link dev.limelight.models.BundledModels}: the Fashion-MNIST CNN and sample images that ship
 *       in the jar.</li>
 * </ul>
 * Calibration is in {@link dev.limelight.models.calibration}, the bundled model's training program
 * in {@link dev.limelight.models.fashion}.
 */
package dev.limelight.models;
