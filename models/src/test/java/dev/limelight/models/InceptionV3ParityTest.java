package dev.limelight.models;

/** The nsfwjs InceptionV3 (299 x 299) against the TF.js reference. */
class InceptionV3ParityTest extends NsfwModelParity {

    @Override
    String modelFile() {
        return "models/nsfw_inception_v3.h5";
    }

    @Override
    String referenceKey() {
        return "inception_v3";
    }

    @Override
    int size() {
        return 299;
    }

    /** Measured with oneDNN convolutions: 1.5e-9 to 1.9e-9; with DL4J's im2col: 2.8e-9. */
    @Override
    double tolerance() {
        return 2e-8;
    }
}
