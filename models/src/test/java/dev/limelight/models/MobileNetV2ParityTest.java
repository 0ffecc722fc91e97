package dev.limelight.models;

/** The nsfwjs MobileNetV2 (224 x 224) against the TF.js reference. */
class MobileNetV2ParityTest extends NsfwModelParity {

    @Override
    String modelFile() {
        return "models/nsfw_mobilenet_v2.h5";
    }

    @Override
    String referenceKey() {
        return "mobilenet_v2";
    }

    @Override
    int size() {
        return 224;
    }

    /** Measured with oneDNN convolutions: 4.4e-9 to 6.6e-9; with DL4J's im2col: 1.2e-7. */
    @Override
    double tolerance() {
        return OneDnnConvolutions.available() ? 6e-8 : 1.2e-6;
    }
}
