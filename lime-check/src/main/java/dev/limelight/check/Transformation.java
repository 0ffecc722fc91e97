package dev.limelight.check;

import boofcv.alg.filter.blur.GBlurImageOps;
import boofcv.struct.image.GrayF32;
import dev.limelight.image.RasterImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * A change to an image that should not change a good model's answer, with its strength. In a suite
 * file: {@code {kind: brightness, amount: 30}}.
 *
 * <table>
 *   <caption>Kinds and their amounts</caption>
 *   <tr><th>kind</th><th>amount</th></tr>
 *   <tr><td>{@code hflip}</td><td>none: mirrored left to right</td></tr>
 *   <tr><td>{@code rotation}</td><td>degrees, counter-clockwise, about the centre (bilinear; corners take
 *       the edge's colour)</td></tr>
 *   <tr><td>{@code translation}</td><td>pixels right (and down, the same), edges repeated</td></tr>
 *   <tr><td>{@code brightness}</td><td>grey levels added (0..255 scale), clipped</td></tr>
 *   <tr><td>{@code contrast}</td><td>factor around the image's mean, clipped</td></tr>
 *   <tr><td>{@code blur}</td><td>Gaussian sigma in pixels</td></tr>
 *   <tr><td>{@code noise}</td><td>Gaussian standard deviation in grey levels, seeded per image</td></tr>
 *   <tr><td>{@code jpeg}</td><td>JPEG quality 1..100, re-encoded and decoded</td></tr>
 *   <tr><td>{@code greyscale}</td><td>none: luma in every channel</td></tr>
 *   <tr><td>{@code occlusion}</td><td>share of the side of a grey square placed at random (seeded)</td></tr>
 * </table>
 *
 * @param kind   one of the kinds above
 * @param amount the strength (ignored by hflip and greyscale)
 */
public record Transformation(String kind, double amount) {

    /** @throws IllegalArgumentException for an unknown kind or an amount outside its range */
    public Transformation {
        if (kind == null) {
            throw new IllegalArgumentException("a transformation needs a kind: hflip, rotation, translation, "
                    + "brightness, contrast, blur, noise, jpeg, greyscale or occlusion");
        }
        kind = kind.toLowerCase(Locale.ROOT);
        switch (kind) {
            case "hflip", "greyscale", "rotation", "translation", "brightness" -> { }
            case "contrast", "blur", "noise" -> {
                if (!(amount >= 0)) {
                    throw new IllegalArgumentException(kind + " needs an amount >= 0, got " + amount);
                }
            }
            case "jpeg" -> {
                if (!(amount >= 1 && amount <= 100)) {
                    throw new IllegalArgumentException("jpeg needs a quality in 1..100, got " + amount);
                }
            }
            case "occlusion" -> {
                if (!(amount > 0 && amount <= 1)) {
                    throw new IllegalArgumentException("occlusion needs a share of the side in (0, 1], got " + amount);
                }
            }
            default -> throw new IllegalArgumentException("unknown transformation '" + kind + "': hflip, rotation, "
                    + "translation, brightness, contrast, blur, noise, jpeg, greyscale or occlusion");
        }
    }

    /**
     * @param image  the image
     * @param random the source of the noise and the patch's place (seeded per image by the caller)
     * @return the transformed image, same size and channels
     */
    public RasterImage apply(RasterImage image, SplittableRandom random) {
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        float[] in = image.pixels();
        float[] out = new float[in.length];
        switch (kind) {
            case "hflip" -> {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        System.arraycopy(in, (y * w + (w - 1 - x)) * c, out, (y * w + x) * c, c);
                    }
                }
            }
            case "rotation" -> {
                double a = Math.toRadians(amount);
                double cos = Math.cos(a);
                double sin = Math.sin(a);
                double cx = (w - 1) / 2.0;
                double cy = (h - 1) / 2.0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double sx = cos * (x - cx) - sin * (y - cy) + cx;
                        double sy = sin * (x - cx) + cos * (y - cy) + cy;
                        for (int k = 0; k < c; k++) {
                            out[(y * w + x) * c + k] = bilinear(in, w, h, c, sx, sy, k);
                        }
                    }
                }
            }
            case "translation" -> {
                int d = (int) Math.round(amount);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int sx = Math.max(0, Math.min(w - 1, x - d));
                        int sy = Math.max(0, Math.min(h - 1, y - d));
                        System.arraycopy(in, (sy * w + sx) * c, out, (y * w + x) * c, c);
                    }
                }
            }
            case "brightness" -> {
                for (int i = 0; i < in.length; i++) {
                    out[i] = clip(in[i] + amount);
                }
            }
            case "contrast" -> {
                double mean = 0;
                for (float v : in) {
                    mean += v;
                }
                mean /= in.length;
                for (int i = 0; i < in.length; i++) {
                    out[i] = clip(mean + amount * (in[i] - mean));
                }
            }
            case "blur" -> {
                for (int k = 0; k < c; k++) {
                    GrayF32 band = new GrayF32(w, h);
                    for (int p = 0; p < w * h; p++) {
                        band.data[p] = in[p * c + k];
                    }
                    GrayF32 blurred = amount > 0 ? GBlurImageOps.gaussian(band, null, amount, -1, null) : band;
                    for (int p = 0; p < w * h; p++) {
                        out[p * c + k] = blurred.data[p];
                    }
                }
            }
            case "noise" -> {
                for (int i = 0; i < in.length; i++) {
                    out[i] = clip(in[i] + amount * gaussian(random));
                }
            }
            case "jpeg" -> {
                return jpeg(image, (int) Math.round(amount));
            }
            case "greyscale" -> {
                RasterImage grey = image.toGray();
                return c == 1 ? grey : grey.toRgb();
            }
            case "occlusion" -> {
                System.arraycopy(in, 0, out, 0, in.length);
                int side = Math.max(1, (int) Math.round(amount * Math.min(w, h)));
                int x0 = random.nextInt(w - side + 1);
                int y0 = random.nextInt(h - side + 1);
                for (int y = y0; y < y0 + side; y++) {
                    for (int x = x0; x < x0 + side; x++) {
                        for (int k = 0; k < c; k++) {
                            out[(y * w + x) * c + k] = 128;
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(kind);
        }
        return new RasterImage(w, h, c, out);
    }

    /** @return the transformation in words, e.g. "brightness +30" */
    public String describe() {
        return switch (kind) {
            case "hflip", "greyscale" -> kind;
            default -> kind + " " + (amount == Math.rint(amount) ? String.valueOf((long) amount) : String.valueOf(amount));
        };
    }

    private static float bilinear(float[] in, int w, int h, int c, double x, double y, int k) {
        double cx = Math.max(0, Math.min(w - 1, x));
        double cy = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = in[(y0 * w + x0) * c + k] * (1 - fx) + in[(y0 * w + x1) * c + k] * fx;
        double bottom = in[(y1 * w + x0) * c + k] * (1 - fx) + in[(y1 * w + x1) * c + k] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private static float clip(double v) {
        return (float) Math.max(0, Math.min(255, v));
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static RasterImage jpeg(RasterImage image, int quality) {
        try {
            BufferedImage rgb = image.toRgb().toBufferedImage();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            try (var out = new javax.imageio.stream.MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new javax.imageio.IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            RasterImage back = RasterImage.fromBufferedImage(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())));
            return back.withChannels(image.channels());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-encode as JPEG", e);
        }
    }
}
