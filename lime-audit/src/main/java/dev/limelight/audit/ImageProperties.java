package dev.limelight.audit;

import dev.limelight.image.RasterImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Properties of one image that often explain where a classifier fails, measured on the image as
 * decoded (before any resizing to the model's input). Pixel values are on the usual 0..255 scale;
 * the grey level is ITU-R 601 luma ({@code 0.299 R + 0.587 G + 0.114 B}).
 *
 * @param width         columns
 * @param height        rows
 * @param aspectRatio   width / height
 * @param brightness    mean grey level, 0..255
 * @param contrast      RMS contrast: the standard deviation of the grey levels, 0..127.5
 * @param sharpness     variance of the 4-neighbour Laplacian of the grey levels over the interior
 *                      pixels (0 for an image under 3 x 3 or of one flat colour; low values mean
 *                      blur)
 * @param colourfulness Hasler and Süsstrunk's (2003) measure {@code σ_rgyb + 0.3 μ_rgyb} over the
 *                      opponent channels {@code rg = R - G}, {@code yb = (R + G) / 2 - B}; 0 for
 *                      a grey image
 * @param entropy       Shannon entropy of the 256-bin grey-level histogram, in bits (0..8)
 */
public record ImageProperties(int width, int height, double aspectRatio, double brightness, double contrast,
                              double sharpness, double colourfulness, double entropy) {

    /** The property names, in the order of {@link #values()}: the keys of an audit row's {@code properties}. */
    public static final List<String> NAMES = List.of("width", "height", "aspectRatio", "brightness", "contrast",
            "sharpness", "colourfulness", "entropy");

    /**
     * @param image the decoded image, 1 or 3 channels
     * @return its properties
     */
    public static ImageProperties of(RasterImage image) {
        int w = image.width();
        int h = image.height();
        int pixels = w * h;
        int c = image.channels();
        float[] values = image.pixels();
        double[] grey = new double[pixels];
        int[] histogram = new int[256];
        double sum = 0;
        double colourfulness = 0;
        if (c == 1) {
            for (int i = 0; i < pixels; i++) {
                grey[i] = values[i];
                sum += grey[i];
            }
        } else {
            double rgSum = 0;
            double ybSum = 0;
            double rgSquares = 0;
            double ybSquares = 0;
            for (int i = 0; i < pixels; i++) {
                double r = values[3 * i];
                double g = values[3 * i + 1];
                double b = values[3 * i + 2];
                grey[i] = 0.299 * r + 0.587 * g + 0.114 * b;
                sum += grey[i];
                double rg = r - g;
                double yb = 0.5 * (r + g) - b;
                rgSum += rg;
                ybSum += yb;
                rgSquares += rg * rg;
                ybSquares += yb * yb;
            }
            double rgMean = rgSum / pixels;
            double ybMean = ybSum / pixels;
            double rgVariance = Math.max(0, rgSquares / pixels - rgMean * rgMean);
            double ybVariance = Math.max(0, ybSquares / pixels - ybMean * ybMean);
            colourfulness = Math.sqrt(rgVariance + ybVariance) + 0.3 * Math.sqrt(rgMean * rgMean + ybMean * ybMean);
        }
        double mean = sum / pixels;
        double squares = 0;
        for (int i = 0; i < pixels; i++) {
            double d = grey[i] - mean;
            squares += d * d;
            histogram[(int) Math.max(0, Math.min(255, Math.round(grey[i])))]++;
        }
        return new ImageProperties(w, h, (double) w / h, mean, Math.sqrt(squares / pixels),
                laplacianVariance(grey, w, h), colourfulness, entropy(histogram, pixels));
    }

    private static double laplacianVariance(double[] grey, int w, int h) {
        if (w < 3 || h < 3) {
            return 0;
        }
        int count = (w - 2) * (h - 2);
        double sum = 0;
        double squares = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double laplacian = grey[i - 1] + grey[i + 1] + grey[i - w] + grey[i + w] - 4 * grey[i];
                sum += laplacian;
                squares += laplacian * laplacian;
            }
        }
        double mean = sum / count;
        return Math.max(0, squares / count - mean * mean);
    }

    private static double entropy(int[] histogram, int pixels) {
        double bits = 0;
        for (int count : histogram) {
            if (count > 0) {
                double p = (double) count / pixels;
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits == 0 ? 0 : bits;
    }

    /** @return the values in the order of {@link #NAMES} */
    public double[] values() {
        return new double[] {width, height, aspectRatio, brightness, contrast, sharpness, colourfulness, entropy};
    }

    /** @return name to value, in the order of {@link #NAMES} */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        double[] values = values();
        for (int i = 0; i < values.length; i++) {
            map.put(NAMES.get(i), values[i]);
        }
        return map;
    }

    /**
     * @param name one of {@link #NAMES}
     * @return that property's value
     * @throws IllegalArgumentException for an unknown name
     */
    public double get(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown image property '" + name + "'; known: " + NAMES);
        }
        return values()[i];
    }
}
