/**
 * The {@link dev.limelight.image.Segmenter} implementations: BoofCV's SLIC, Felzenszwalb and
 * Huttenlocher (FH04), mean-shift and watershed, and a plain grid. Each is configured by a target
 * segment count and returns compact labels {@code 0 .. S-1}.
 */
package dev.limelight.image.segmentation;
