package dev.limelight.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * An image as the explainer works on it: {@code height x width} pixels of 1 (gray) or 3 (RGB)
 * channels, float values in [0, 255], stored row by row with the channels of a pixel together
 * (HWC). Immutable: the constructor and {@link #pixels()} copy.
 */
public final class RasterImage {

    private final int width;
    private final int height;
    private final int channels;
    private final float[] pixels;

    /**
     * @param width    columns, at least 1
     * @param height   rows, at least 1
     * @param channels 1 or 3
     * @param pixels   {@code height * width * channels} values, HWC order; copied
     * @throws IllegalArgumentException on a bad size, channel count or array length
     */
    public RasterImage(int width, int height, int channels, float[] pixels) {
        this(width, height, channels, pixels.clone(), true);
    }

    private RasterImage(int width, int height, int channels, float[] pixels, boolean validate) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image must be at least 1 x 1, got " + width + " x " + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if ((long) width * height * channels != pixels.length) {
            throw new IllegalArgumentException("expected " + (long) width * height * channels + " values for "
                    + width + " x " + height + " x " + channels + ", got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    /** Wraps an array the caller gives up (no copy); for this package's own results. */
    static RasterImage wrap(int width, int height, int channels, float[] pixels) {
        return new RasterImage(width, height, channels, pixels, true);
    }

    /**
     * Converts a decoded image: grayscale images (8 or 16 bit) become 1 channel, everything else
     * 3 RGB channels; alpha is dropped (not composited, as the reference does), 16-bit samples are
     * scaled to [0, 255].
     */
    public static RasterImage fromBufferedImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean gray = image.getColorModel().getNumColorComponents() == 1;
        if (gray) {
            float[] out = new float[w * h];
            var raster = image.getRaster();
            int bits = image.getColorModel().getComponentSize(0);
            float scale = bits > 8 ? 255f / ((1 << Math.min(bits, 16)) - 1) : 1f;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = raster.getSample(x, y, 0) * scale;
                }
            }
            return wrap(w, h, 1, out);
        }
        float[] out = new float[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int i = (y * w + x) * 3;
                out[i] = (argb >> 16) & 0xff;
                out[i + 1] = (argb >> 8) & 0xff;
                out[i + 2] = argb & 0xff;
            }
        }
        return wrap(w, h, 3, out);
    }

    /** @return columns */
    public int width() {
        return width;
    }

    /** @return rows */
    public int height() {
        return height;
    }

    /** @return 1 (gray) or 3 (RGB) */
    public int channels() {
        return channels;
    }

    /** @return the value of channel {@code c} at ({@code x}, {@code y}) */
    public float get(int x, int y, int c) {
        return pixels[(y * width + x) * channels + c];
    }

    /** @return a copy of the values, HWC order */
    public float[] pixels() {
        return pixels.clone();
    }

    /** The backing array, for this package's loops; never written. */
    float[] data() {
        return pixels;
    }

    /** @return this image with 3 channels (gray replicated) */
    public RasterImage toRgb() {
        if (channels == 3) {
            return this;
        }
        float[] out = new float[width * height * 3];
        for (int i = 0; i < width * height; i++) {
            out[3 * i] = pixels[i];
            out[3 * i + 1] = pixels[i];
            out[3 * i + 2] = pixels[i];
        }
        return wrap(width, height, 3, out);
    }

    /** @return this image with 1 channel (ITU-R 601 luma: 0.299 R + 0.587 G + 0.114 B) */
    public RasterImage toGray() {
        if (channels == 1) {
            return this;
        }
        float[] out = new float[width * height];
        for (int i = 0; i < out.length; i++) {
            out[i] = 0.299f * pixels[3 * i] + 0.587f * pixels[3 * i + 1] + 0.114f * pixels[3 * i + 2];
        }
        return wrap(width, height, 1, out);
    }

    /** @return this image with the given channel count (1 or 3) */
    public RasterImage withChannels(int wanted) {
        return wanted == channels ? this : wanted == 3 ? toRgb() : toGray();
    }

    /** @return an 8-bit RGB image (values rounded and clamped to [0, 255]) */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * channels;
                int r = clamp(pixels[i]);
                int g = channels == 3 ? clamp(pixels[i + 1]) : r;
                int b = channels == 3 ? clamp(pixels[i + 2]) : r;
                row[x] = (r << 16) | (g << 8) | b;
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RasterImage other && other.width == width && other.height == height
                && other.channels == channels && Arrays.equals(other.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pixels) * 31 + width * 7 + height * 3 + channels;
    }

    @Override
    public String toString() {
        return "RasterImage[" + width + "x" + height + "x" + channels + "]";
    }
}
