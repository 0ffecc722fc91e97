package dev.limelight.audit;

import dev.limelight.image.ImageFiles;
import dev.limelight.image.RasterImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A region of an image: where an explanation test looks, or where a fix acts. One rectangle for every
 * image, a mask per image, or one mask for every image. In a suite file,
 * {@code region: "x,y,width,height"} (the original image's pixels, top-left origin) or
 * {@code masks: DIR}.
 */
public sealed interface ImageRegion {

    /**
     * @param relativePath the image's path relative to the data folder ({@code /}-separated)
     * @param width        the image's width in pixels
     * @param height       the image's height in pixels
     * @return for every pixel (row by row) whether it lies in the region; empty when the image has
     *         no mask
     */
    Optional<boolean[]> inside(String relativePath, int width, int height);

    /** @return the region in words */
    String describe();

    /**
     * @param region a rectangle {@code "x,y,width,height"}, or null
     * @param masks  a mask folder, or null
     * @return the one that is given
     * @throws IllegalArgumentException unless exactly one is given, or when it is malformed
     */
    static ImageRegion of(String region, String masks) {
        if ((region == null) == (masks == null)) {
            throw new IllegalArgumentException("give the region as 'region: \"x,y,width,height\"' or 'masks: DIR', "
                    + "one of the two");
        }
        return region != null ? Rectangle.parse(region) : new Masks(Path.of(masks));
    }

    /**
     * A rectangle in the original image's pixels, top-left origin; the part outside an image is
     * ignored.
     *
     * @param x      left edge
     * @param y      top edge
     * @param width  width, positive
     * @param height height, positive
     */
    record Rectangle(double x, double y, double width, double height) implements ImageRegion {

        /** @throws IllegalArgumentException for a negative corner or an empty size */
        public Rectangle {
            if (!(x >= 0) || !(y >= 0) || !(width > 0) || !(height > 0)) {
                throw new IllegalArgumentException("region needs x, y >= 0 and a positive width and height, got "
                        + x + "," + y + "," + width + "," + height);
            }
        }

        /** @return the rectangle written {@code "x,y,width,height"} */
        public static Rectangle parse(String text) {
            String[] parts = text.split(",");
            if (parts.length != 4) {
                throw new IllegalArgumentException("region must be \"x,y,width,height\" in the image's pixels, got "
                        + text);
            }
            double[] r = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    r[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("region must be \"x,y,width,height\" numbers, got " + text, e);
                }
            }
            return new Rectangle(r[0], r[1], r[2], r[3]);
        }

        @Override
        public Optional<boolean[]> inside(String relativePath, int w, int h) {
            boolean[] in = new boolean[w * h];
            for (int py = 0; py < h; py++) {
                for (int px = 0; px < w; px++) {
                    double cx = px + 0.5;
                    double cy = py + 0.5;
                    in[py * w + px] = cx >= x && cx < x + width && cy >= y && cy < y + height;
                }
            }
            return Optional.of(in);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "rectangle %s,%s,%s,%s", number(x), number(y), number(width),
                    number(height));
        }

        private static String number(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    /**
     * A rectangle in fractions of each image's width and height, top-left origin: the same part of
     * every image whatever its size (a cell of the audit's grid, say).
     *
     * @param x0 left edge, in [0, 1)
     * @param y0 top edge, in [0, 1)
     * @param x1 right edge, in (x0, 1]
     * @param y1 bottom edge, in (y0, 1]
     */
    record Fractions(double x0, double y0, double x1, double y1) implements ImageRegion {

        /** @throws IllegalArgumentException for edges outside [0, 1] or an empty rectangle */
        public Fractions {
            if (!(x0 >= 0 && x0 < x1 && x1 <= 1 && y0 >= 0 && y0 < y1 && y1 <= 1)) {
                throw new IllegalArgumentException("a rectangle in fractions needs 0 <= x0 < x1 <= 1 and "
                        + "0 <= y0 < y1 <= 1, got " + x0 + ", " + y0 + ", " + x1 + ", " + y1);
            }
        }

        @Override
        public Optional<boolean[]> inside(String relativePath, int w, int h) {
            boolean[] in = new boolean[w * h];
            for (int py = 0; py < h; py++) {
                double fy = (py + 0.5) / h;
                for (int px = 0; px < w; px++) {
                    double fx = (px + 0.5) / w;
                    in[py * w + px] = fx >= x0 && fx < x1 && fy >= y0 && fy < y1;
                }
            }
            return Optional.of(in);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "the part x %.3f-%.3f, y %.3f-%.3f of each image", x0, x1, y0, y1);
        }
    }

    /**
     * A mask per image: a PNG in {@code folder} at the image's relative path (a mask for
     * {@code cats/1.jpg} is {@code cats/1.png}, or a file of the image's own name), where pixels
     * brighter than mid-grey (&gt; 127) are inside. A mask of another size than its image is
     * stretched to it (nearest pixel).
     *
     * @param folder the folder mirroring the data folder (relative to the working directory, or absolute)
     */
    record Masks(Path folder) implements ImageRegion {

        /** @throws IllegalArgumentException when the folder does not exist */
        public Masks {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("mask folder not found: " + folder);
            }
        }

        /** @return the mask file of an image, if there is one */
        public Optional<Path> file(String relativePath) {
            Path same = folder.resolve(relativePath);
            int dot = relativePath.lastIndexOf('.');
            Path png = folder.resolve((dot > relativePath.lastIndexOf('/') ? relativePath.substring(0, dot)
                    : relativePath) + ".png");
            return Files.isRegularFile(png) ? Optional.of(png)
                    : Files.isRegularFile(same) ? Optional.of(same) : Optional.empty();
        }

        @Override
        public Optional<boolean[]> inside(String relativePath, int w, int h) {
            return file(relativePath).map(file -> stretched(ImageFiles.read(file).toGray(), w, h));
        }

        @Override
        public String describe() {
            return "masks in " + folder;
        }
    }

    /**
     * One mask for every image: a PNG of the images' size where pixels brighter than mid-grey
     * (&gt; 127) are inside (for an artifact that sits at the same place in every image).
     *
     * @param file the mask file (relative to the working directory, or absolute)
     */
    record Mask(Path file) implements ImageRegion {

        /** @throws IllegalArgumentException when the file does not exist */
        public Mask {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("mask file not found: " + file);
            }
        }

        /** @throws IllegalArgumentException when the mask does not decode or is not {@code w x h} */
        @Override
        public Optional<boolean[]> inside(String relativePath, int w, int h) {
            RasterImage mask = ImageFiles.read(file).toGray();
            if (mask.width() != w || mask.height() != h) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the mask %s is %d x %d pixels but %s is "
                        + "%d x %d: a mask must have its images' size", file, mask.width(), mask.height(),
                        relativePath, w, h));
            }
            return Optional.of(stretched(mask, w, h));
        }

        @Override
        public String describe() {
            return "mask " + file;
        }
    }

    /** The pixels of a grey mask brighter than mid-grey, the mask stretched to {@code w x h} (nearest pixel). */
    private static boolean[] stretched(RasterImage mask, int w, int h) {
        boolean[] in = new boolean[w * h];
        for (int py = 0; py < h; py++) {
            int my = Math.min(mask.height() - 1, (int) ((py + 0.5) * mask.height() / h));
            for (int px = 0; px < w; px++) {
                int mx = Math.min(mask.width() - 1, (int) ((px + 0.5) * mask.width() / w));
                in[py * w + px] = mask.get(mx, my, 0) > 127;
            }
        }
        return in;
    }
}
