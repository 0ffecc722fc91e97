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
}
