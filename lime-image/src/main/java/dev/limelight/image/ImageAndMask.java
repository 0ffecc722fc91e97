package dev.limelight.image;

import dev.limelight.core.FeatureWeight;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's {@code get_image_and_mask}: an image showing the chosen superpixels and a mask
 * marking them.
 *
 * <ul>
 *   <li>Positive only / negative only: filter {@code weight > max(0, minWeight)} (or
 *       {@code weight < 0 && |weight| > minWeight}) first, then take {@code numFeatures}; the mask is
 *       1 on the chosen segments.</li>
 *   <li>Both signs: take the first {@code numFeatures} of the explanation, skip those with
 *       {@code |weight| < minWeight}; the mask is -1 (negative) or +1 (positive) and the image's
 *       channel 0 (negative) or 1 (positive) is set to the image maximum there.</li>
 *   <li>Hide rest: everything outside the chosen segments is 0 (black).</li>
 * </ul>
 * Gray images are shown as RGB.
 *
 * @param image the RGB image, values as the input's
 * @param mask  one value per pixel, row by row: 0, 1, or -1 in both-signs mode
 */
public record ImageAndMask(RasterImage image, int[] mask) {

    /**
     * Computes the image and mask.
     *
     * @param image        the explained image
     * @param segmentation its superpixels
     * @param weights      the explanation, sorted by |weight| (as {@code LocalExplanation.weights()})
     * @param options      what to show
     */
    public static ImageAndMask of(RasterImage image, Segmentation segmentation, List<FeatureWeight> weights,
                                  MaskOptions options) {
        RasterImage rgb = image.toRgb();
        float[] source = rgb.data();
        int[] labels = segmentation.labelData();
        int pixels = labels.length;
        float[] out = options.hideRest() ? new float[source.length] : source.clone();
        int[] mask = new int[pixels];
        int[] sign = new int[segmentation.segmentCount()];
        if (options.positiveOnly() || options.negativeOnly()) {
            List<Integer> chosen = new ArrayList<>();
            for (FeatureWeight w : weights) {
                boolean keep = options.positiveOnly()
                        ? w.weight() > 0 && w.weight() > options.minWeight()
                        : w.weight() < 0 && Math.abs(w.weight()) > options.minWeight();
                if (keep && chosen.size() < options.numFeatures()) {
                    chosen.add(w.feature());
                }
            }
            for (int f : chosen) {
                sign[f] = 1;
            }
            for (int p = 0; p < pixels; p++) {
                if (sign[labels[p]] != 0) {
                    mask[p] = 1;
                    System.arraycopy(source, 3 * p, out, 3 * p, 3);
                }
            }
            return new ImageAndMask(RasterImage.wrap(rgb.width(), rgb.height(), 3, out), mask);
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float v : source) {
            max = Math.max(max, v);
        }
        for (FeatureWeight w : weights.subList(0, Math.min(options.numFeatures(), weights.size()))) {
            if (Math.abs(w.weight()) < options.minWeight()) {
                continue;
            }
            sign[w.feature()] = w.weight() < 0 ? -1 : 1;
        }
        for (int p = 0; p < pixels; p++) {
            int s = sign[labels[p]];
            if (s != 0) {
                mask[p] = s;
                System.arraycopy(source, 3 * p, out, 3 * p, 3);
                out[3 * p + (s < 0 ? 0 : 1)] = max;
            }
        }
        return new ImageAndMask(RasterImage.wrap(rgb.width(), rgb.height(), 3, out), mask);
    }
}
