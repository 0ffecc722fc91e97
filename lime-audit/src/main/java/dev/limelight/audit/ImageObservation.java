package dev.limelight.audit;

/**
 * What an audit learns of one image in its single pass over the folder: the model's class
 * probabilities, the image's properties, its thumbnail (for near-duplicates) and its preview (for the
 * report), all from one decode.
 *
 * @param probabilities the model's class probabilities
 * @param properties    the image's properties, measured on the image as decoded
 * @param thumbnail     its grey thumbnail and hash
 * @param preview       its {@link Preview} PNG, for the report
 * @param embedding     the model's activations before its output ({@link dev.limelight.core.ImageEmbedder}),
 *                      or null when the model gives none or they were not asked for
 */
public record ImageObservation(double[] probabilities, ImageProperties properties, Thumbnail thumbnail,
                               byte[] preview, float[] embedding) {

    /** Copies the arrays. */
    public ImageObservation {
        probabilities = probabilities.clone();
        preview = preview.clone();
        embedding = embedding == null ? null : embedding.clone();
    }

    /** An observation without an embedding. */
    public ImageObservation(double[] probabilities, ImageProperties properties, Thumbnail thumbnail, byte[] preview) {
        this(probabilities, properties, thumbnail, preview, null);
    }

    /** @return whether the model gave an embedding */
    public boolean hasEmbedding() {
        return embedding != null;
    }

    /** @return a copy of the embedding, or null */
    @Override
    public float[] embedding() {
        return embedding == null ? null : embedding.clone();
    }

    /** @return a copy of the preview PNG */
    @Override
    public byte[] preview() {
        return preview.clone();
    }

    /** @return a copy of the class probabilities */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
