/**
 * Real models behind lime-core's classifier contracts: Keras HDF5 and DL4J model files in,
 * probabilities out, with the input layout (NCHW or NHWC), preprocessing presets, class names and
 * temperature-scaling calibration handled here so that the explainers never see them.
 */
package dev.limelight.models;
