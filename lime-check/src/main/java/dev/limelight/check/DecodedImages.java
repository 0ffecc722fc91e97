package dev.limelight.check;

import dev.limelight.image.ImageFiles;
import dev.limelight.image.RasterImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded images kept for the checks of a run, least recently used first out once their pixels pass
 * a budget: a suite over a folder of small images decodes each file once, one over large photos
 * decodes again only what did not fit.
 */
final class DecodedImages {

    /** The default budget: 64 M pixel values (256 MB of floats). */
    static final long DEFAULT_BUDGET = 64L << 20;

    private final long budget;
    private final Map<Path, RasterImage> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long held;
    private long decodes;

    DecodedImages(long budget) {
        this.budget = budget;
    }

    /** @return the decoded image, from memory when it is still held */
    RasterImage get(Path file) {
        RasterImage image = kept.get(file);
        if (image == null) {
            image = ImageFiles.read(file);
            decodes++;
            put(file, image);
        }
        return image;
    }

    private void put(Path file, RasterImage image) {
        long size = size(image);
        if (size > budget) {
            return;
        }
        kept.put(file, image);
        held += size;
        var eldest = kept.entrySet().iterator();
        while (held > budget && eldest.hasNext()) {
            held -= size(eldest.next().getValue());
            eldest.remove();
        }
    }

    private static long size(RasterImage image) {
        return (long) image.width() * image.height() * image.channels();
    }

    /** @return how many times a file was decoded */
    long decodes() {
        return decodes;
    }
}
