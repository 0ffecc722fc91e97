package dev.limelight.image;

/**
 * Resizes images to a classifier's input size with a separable bilinear (triangle) filter that,
 * when shrinking, widens its support by the scale factor so every source pixel contributes: the
 * behaviour of Pillow's {@code Image.resize(..., BILINEAR)}, which produced the reference inputs
 * of the bundled models. Plain two-tap bilinear sampling would alias when a photo is shrunk by
 * more than 2x. The aspect ratio is not kept (as Keras and the reference do).
 */
public final class ImageResizer {

    private ImageResizer() {
    }

    /**
     * @return {@code image} resized to {@code width x height}, or the image itself if it already
     *         has that size
     * @throws IllegalArgumentException if a target size is below 1
     */
    public static RasterImage resize(RasterImage image, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("target size must be at least 1 x 1, got " + width + " x " + height);
        }
        if (image.width() == width && image.height() == height) {
            return image;
        }
        int c = image.channels();
        float[] horizontal = resample(image.data(), image.width(), image.height(), c, width, true);
        float[] both = resample(horizontal, width, image.height(), c, height, false);
        return RasterImage.wrap(width, height, c, both);
    }

    /** Resamples along x ({@code alongX}) or y, from {@code (w, h)} to {@code target} there. */
    private static float[] resample(float[] src, int w, int h, int c, int target, boolean alongX) {
        int sourceLength = alongX ? w : h;
        double scale = (double) sourceLength / target;
        double support = Math.max(1.0, scale);
        int outW = alongX ? target : w;
        int outH = alongX ? h : target;
        float[] out = new float[outW * outH * c];
        for (int o = 0; o < target; o++) {
            double centre = (o + 0.5) * scale;
            int from = Math.max(0, (int) Math.floor(centre - support));
            int to = Math.min(sourceLength, (int) Math.ceil(centre + support));
            double[] weights = new double[to - from];
            double total = 0;
            for (int s = from; s < to; s++) {
                double t = Math.abs((s + 0.5 - centre) / support);
                double weight = t < 1 ? 1 - t : 0;
                weights[s - from] = weight;
                total += weight;
            }
            for (int k = 0; k < weights.length; k++) {
                weights[k] /= total;
            }
            int lines = alongX ? h : w;
            for (int line = 0; line < lines; line++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int s = from; s < to; s++) {
                        int index = alongX ? (line * w + s) * c + ch : (s * w + line) * c + ch;
                        sum += weights[s - from] * src[index];
                    }
                    int outIndex = alongX ? (line * outW + o) * c + ch : (o * outW + line) * c + ch;
                    out[outIndex] = (float) sum;
                }
            }
        }
        return out;
    }
}
