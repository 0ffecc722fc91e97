package dev.limelight.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optional capability of an {@link ImageClassifier} (see {@link ImageClassifier#preprocessedInput()}):
 * its preprocessing (scaling, mean subtraction, channel order) as a step of its own. An explainer
 * whose batches are copies of two images (the image and its fill, pixel by pixel) preprocesses those
 * two once and scores batches of preprocessed pixels, instead of preprocessing every batch: one pass
 * over each batch saved, and the same outputs to the bit, since preprocessing works pixel by pixel.
 */
public interface PreprocessedInput {

    /**
     * Preprocesses images in place exactly as {@link ImageClassifier#predict(INDArray)} does before
     * its network: each pixel's new values depend on that pixel's old values only.
     *
     * @param images N images as {@link ImageClassifier#input()} describes them, values in [0, 255]
     */
    void preprocessInPlace(INDArray images);

    /**
     * Scores images that {@link #preprocessInPlace} preprocessed (or copies of their pixels).
     *
     * @param preprocessed N preprocessed images; may be modified
     * @return what {@link ImageClassifier#predict(INDArray)} returns for the images they came from
     */
    INDArray predictPreprocessed(INDArray preprocessed);
}
