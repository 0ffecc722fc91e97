package dev.limelight.image;

import boofcv.alg.filter.blur.GBlurImageOps;
import boofcv.struct.image.GrayF32;
import java.io.Serializable;
import java.util.Locale;

/**
 * What a hidden superpixel shows instead of itself. The explainer computes the fill image once;
 * a perturbed image is then {@code fill + mask * (image - fill)}. Hide modes are serializable, so
 * options that hold one can travel to the executors of a distributed audit.
 */
public sealed interface HideMode extends Serializable {

    /** The fill image for {@code image} and its segmentation (same size and channels). */
    RasterImage fill(RasterImage image, Segmentation segmentation);

    /** Each hidden segment shows its own mean colour: the reference's default ({@code hide_color=None}). */
    static HideMode segmentMean() {
        return new SegmentMean();
    }

    /** Hidden segments show one colour (gray images use the red value). */
    static HideMode constant(float red, float green, float blue) {
        return new Constant(red, green, blue);
    }

    /** Hidden segments show a Gaussian-blurred copy of themselves ({@link Blur#DEFAULT_SIGMA} if sigma &lt;= 0). */
    static HideMode blur(double sigma) {
        return new Blur(sigma > 0 ? sigma : Blur.DEFAULT_SIGMA);
    }

    /**
     * Parses the command-line form: {@code mean}, {@code blur}, or {@code R,G,B}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static HideMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("mean")) {
            return segmentMean();
        }
        if (t.equals("blur")) {
            return blur(Blur.DEFAULT_SIGMA);
        }
        String[] parts = t.split(",");
        if (parts.length == 3) {
            try {
                float[] rgb = new float[3];
                for (int i = 0; i < 3; i++) {
                    rgb[i] = Float.parseFloat(parts[i].trim());
                    if (!(rgb[i] >= 0 && rgb[i] <= 255)) {
                        throw new NumberFormatException();
                    }
                }
                return constant(rgb[0], rgb[1], rgb[2]);
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("unknown hide mode '" + text + "': use mean, blur or R,G,B (0..255 each)");
    }

    /** The reference's default: the mean colour of each segment. */
    record SegmentMean() implements HideMode {
        @Override
        public RasterImage fill(RasterImage image, Segmentation segmentation) {
            int c = image.channels();
            int s = segmentation.segmentCount();
            double[] sums = new double[s * c];
            int[] labels = segmentation.labelData();
            float[] pixels = image.data();
            for (int p = 0; p < labels.length; p++) {
                for (int ch = 0; ch < c; ch++) {
                    sums[labels[p] * c + ch] += pixels[p * c + ch];
                }
            }
            float[] means = new float[s * c];
            for (int k = 0; k < s; k++) {
                for (int ch = 0; ch < c; ch++) {
                    means[k * c + ch] = (float) (sums[k * c + ch] / segmentation.pixelCount(k));
                }
            }
            float[] out = new float[pixels.length];
            for (int p = 0; p < labels.length; p++) {
                System.arraycopy(means, labels[p] * c, out, p * c, c);
            }
            return RasterImage.wrap(image.width(), image.height(), c, out);
        }

        @Override
        public String toString() {
            return "mean";
        }
    }

    /**
     * One colour everywhere.
     *
     * @param red   0..255
     * @param green 0..255
     * @param blue  0..255
     */
    record Constant(float red, float green, float blue) implements HideMode {
        @Override
        public RasterImage fill(RasterImage image, Segmentation segmentation) {
            int c = image.channels();
            float[] colour = c == 3 ? new float[] {red, green, blue} : new float[] {red};
            float[] out = new float[image.width() * image.height() * c];
            for (int p = 0; p < out.length; p += c) {
                System.arraycopy(colour, 0, out, p, c);
            }
            return RasterImage.wrap(image.width(), image.height(), c, out);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s,%s,%s", red, green, blue);
        }
    }

    /**
     * A Gaussian blur of the image (BoofCV), radius 3 sigma.
     *
     * @param sigma standard deviation in pixels
     */
    record Blur(double sigma) implements HideMode {

        /** Default sigma: 8 pixels, enough to erase texture at 224-299 pixels. */
        public static final double DEFAULT_SIGMA = 8;

        @Override
        public RasterImage fill(RasterImage image, Segmentation segmentation) {
            int w = image.width();
            int h = image.height();
            int c = image.channels();
            float[] pixels = image.data();
            float[] out = new float[pixels.length];
            int radius = (int) Math.ceil(3 * sigma);
            for (int ch = 0; ch < c; ch++) {
                GrayF32 plane = new GrayF32(w, h);
                for (int p = 0; p < w * h; p++) {
                    plane.data[p] = pixels[p * c + ch];
                }
                GrayF32 blurred = GBlurImageOps.gaussian(plane, null, sigma, radius, null);
                for (int p = 0; p < w * h; p++) {
                    out[p * c + ch] = blurred.data[p];
                }
            }
            return RasterImage.wrap(w, h, c, out);
        }

        @Override
        public String toString() {
            return "blur(" + sigma + ")";
        }
    }
}
