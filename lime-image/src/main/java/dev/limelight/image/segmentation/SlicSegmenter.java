package dev.limelight.image.segmentation;

import boofcv.abst.segmentation.ImageSuperpixels;
import boofcv.factory.segmentation.ConfigSlic;
import boofcv.factory.segmentation.FactoryImageSegmentation;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.ImageType;
import boofcv.struct.image.Planar;

/**
 * SLIC superpixels (Achanta et al., 2012): k-means in colour and position from a regular grid of
 * {@code segments} seeds; compact regions of similar size. BoofCV defaults otherwise (spatial
 * weight 200, 10 iterations).
 */
public final class SlicSegmenter extends BoofcvSegmenter {

    private final int segments;

    /** @param segments the number of seeds, at least 2 */
    public SlicSegmenter(int segments) {
        if (segments < 2) {
            throw new IllegalArgumentException("SLIC needs at least 2 segments, got " + segments);
        }
        this.segments = segments;
    }

    @Override
    ImageSuperpixels<Planar<GrayF32>> algorithm(int width, int height) {
        return FactoryImageSegmentation.slic(new ConfigSlic(segments), ImageType.pl(3, GrayF32.class));
    }

    @Override
    public String toString() {
        return "slic(" + segments + ")";
    }
}
