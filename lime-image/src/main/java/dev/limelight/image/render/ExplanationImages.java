package dev.limelight.image.render;

import dev.limelight.core.FeatureWeight;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import java.awt.image.BufferedImage;
import java.util.List;

/** Pictures of an image explanation, as 8-bit RGB images. */
public final class ExplanationImages {

    /** Share of brightness kept outside the shown segments of an overlay. */
    public static final float DIM = 0.35f;

    private static final int BOUNDARY = 0xFFFF00;

    private ExplanationImages() {
    }

    /**
     * The explained image with the {@code numFeatures} strongest segments of a label tinted, green if
     * they raise the label's probability and red if they lower it, their boundaries drawn in yellow,
     * and everything else dimmed.
     */
    public static BufferedImage overlay(ImageExplanation explanation, int label, int numFeatures) {
        RasterImage rgb = explanation.image().toRgb();
        Segmentation s = explanation.segmentation();
        int[] sign = new int[s.segmentCount()];
        List<FeatureWeight> weights = explanation.label(label).surrogate().weights();
        for (FeatureWeight w : weights.subList(0, Math.min(numFeatures, weights.size()))) {
            sign[w.feature()] = w.weight() > 0 ? 1 : w.weight() < 0 ? -1 : 0;
        }
        BufferedImage out = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                int segment = s.label(x, y);
                float r = rgb.get(x, y, 0);
                float g = rgb.get(x, y, 1);
                float b = rgb.get(x, y, 2);
                int colour;
                if (sign[segment] != 0 && s.isBoundary(x, y)) {
                    colour = BOUNDARY;
                } else if (sign[segment] > 0) {
                    colour = rgb(0.55f * r, 0.55f * g + 0.45f * 255, 0.55f * b);
                } else if (sign[segment] < 0) {
                    colour = rgb(0.55f * r + 0.45f * 255, 0.55f * g, 0.55f * b);
                } else {
                    colour = rgb(DIM * r, DIM * g, DIM * b);
                }
                out.setRGB(x, y, colour);
            }
        }
        return out;
    }

    /**
     * Every segment coloured by its weight for a label (green positive, red negative, intensity
     * proportional to |weight| / max |weight|), over a gray version of the image.
     */
    public static BufferedImage heatMap(ImageExplanation explanation, int label) {
        RasterImage gray = explanation.image().toGray();
        Segmentation s = explanation.segmentation();
        double[] weight = new double[s.segmentCount()];
        double max = 0;
        for (FeatureWeight w : explanation.label(label).surrogate().weights()) {
            weight[w.feature()] = w.weight();
            max = Math.max(max, Math.abs(w.weight()));
        }
        BufferedImage out = new BufferedImage(gray.width(), gray.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < gray.height(); y++) {
            for (int x = 0; x < gray.width(); x++) {
                double t = max == 0 ? 0 : weight[s.label(x, y)] / max;
                float base = 0.5f * gray.get(x, y, 0);
                float a = (float) Math.abs(t) * 200f;
                out.setRGB(x, y, t >= 0 ? rgb(base, base + a, base) : rgb(base + a, base, base));
            }
        }
        return out;
    }

    private static int rgb(float r, float g, float b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
