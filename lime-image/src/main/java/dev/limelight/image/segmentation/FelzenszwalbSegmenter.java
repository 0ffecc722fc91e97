package dev.limelight.image.segmentation;

import boofcv.abst.segmentation.ImageSuperpixels;
import boofcv.factory.segmentation.ConfigFh04;
import boofcv.factory.segmentation.FactoryImageSegmentation;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.ImageType;
import boofcv.struct.image.Planar;

/**
 * Felzenszwalb and Huttenlocher's graph-based segmentation (IJCV 2004): regions follow colour
 * edges, so their sizes vary. The scale {@code K} and a minimum region size of about a fifth of the
 * mean segment area bring the count near the target.
 */
public final class FelzenszwalbSegmenter extends BoofcvSegmenter {

    /** Scale parameter K (larger: larger regions). */
    public static final float K = 100;

    private final int segments;

    /** @param segments the segment count aimed at, at least 2 */
    public FelzenszwalbSegmenter(int segments) {
        if (segments < 2) {
            throw new IllegalArgumentException("FH04 needs a target of at least 2 segments, got " + segments);
        }
        this.segments = segments;
    }

    @Override
    ImageSuperpixels<Planar<GrayF32>> algorithm(int width, int height) {
        ConfigFh04 config = new ConfigFh04();
        config.K = K;
        config.minimumRegionSize = minimumRegion(width, height, segments, 0.2);
        return FactoryImageSegmentation.fh04(config, ImageType.pl(3, GrayF32.class));
    }

    @Override
    public String toString() {
        return "fh04(" + segments + ")";
    }
}
