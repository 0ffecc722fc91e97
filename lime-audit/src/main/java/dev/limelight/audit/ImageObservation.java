package dev.limelight.audit;

/**
 * What an audit learns of one image in its single pass over the folder: the model's class
 * probabilities, the image's properties and its thumbnail (for near-duplicates), all from one decode.
 *
 * @param probabilities the model's class probabilities
 * @param properties    the image's properties, measured on the image as decoded
 * @param thumbnail     its grey thumbnail and hash
 */
public record ImageObservation(double[] probabilities, ImageProperties properties, Thumbnail thumbnail) {

    /** Copies the probabilities. */
    public ImageObservation {
        probabilities = probabilities.clone();
    }

    /** @return a copy of the class probabilities */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
