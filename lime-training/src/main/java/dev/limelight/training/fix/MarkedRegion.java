package dev.limelight.training.fix;

import dev.limelight.audit.ImageRegion;
import dev.limelight.training.fit.TrainingImages;
import java.util.HashMap;
import java.util.Map;

/**
 * A region given in the original images' pixels ({@link ImageRegion}: a rectangle, a mask file),
 * mapped onto each training image at the network's input size (nearest pixel).
 */
public final class MarkedRegion {

    private final ImageRegion region;
    private final int width;
    private final int height;
    private final Map<String, boolean[]> byPath = new HashMap<>();

    /**
     * @param region the region in the original images' pixels
     * @param images the images it is marked on
     * @throws IllegalArgumentException when the region lies outside an image, or covers all of it,
     *                                  or a mask does not fit an image
     */
    public MarkedRegion(ImageRegion region, TrainingImages images) {
        this.region = region;
        this.width = images.input().width();
        this.height = images.input().height();
        Map<Long, boolean[]> bySize = new HashMap<>();
        for (TrainingImages.Example e : images.examples()) {
            long size = ((long) e.originalWidth() << 32) | e.originalHeight();
            boolean[] mapped = region instanceof ImageRegion.Masks ? map(e) : bySize.computeIfAbsent(size, s -> map(e));
            byPath.put(e.path(), mapped);
        }
    }

    private boolean[] map(TrainingImages.Example e) {
        int w = e.originalWidth();
        int h = e.originalHeight();
        boolean[] original = region.inside(e.path(), w, h).orElseThrow(() -> new IllegalArgumentException(
                region.describe() + " has no mask for " + e.path()));
        boolean[] out = new boolean[width * height];
        int count = 0;
        for (int y = 0; y < height; y++) {
            int oy = Math.min(h - 1, (int) ((y + 0.5) * h / height));
            for (int x = 0; x < width; x++) {
                int ox = Math.min(w - 1, (int) ((x + 0.5) * w / width));
                out[y * width + x] = original[oy * w + ox];
                count += out[y * width + x] ? 1 : 0;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(region.describe() + " lies outside " + e.path() + " (" + w + " x " + h
                    + " pixels) or is smaller than one pixel at the model's input size (" + width + " x " + height + ")");
        }
        if (count == out.length) {
            throw new IllegalArgumentException(region.describe() + " covers all of " + e.path()
                    + ": mark only the part that should not matter");
        }
        return out;
    }

    /**
     * @param path an image's relative path
     * @return per pixel at the input size, row by row, whether it is marked (not a copy: do not write)
     */
    boolean[] inside(String path) {
        boolean[] in = byPath.get(path);
        if (in == null) {
            throw new IllegalArgumentException("no region was mapped onto " + path);
        }
        return in;
    }
}
