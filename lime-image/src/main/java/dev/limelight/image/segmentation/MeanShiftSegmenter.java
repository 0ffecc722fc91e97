package dev.limelight.image.segmentation;

import boofcv.abst.segmentation.ImageSuperpixels;
import boofcv.factory.segmentation.ConfigSegmentMeanShift;
import boofcv.factory.segmentation.FactoryImageSegmentation;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.ImageType;
import boofcv.struct.image.Planar;

/**
 * Mean-shift segmentation (Comaniciu and Meer, 2002) in joint position-colour space: the closest
 * of BoofCV's algorithms to the reference's default, quickshift, which is a mode seeker of the
 * same kind. Spatial radius 6, colour radius 15 (BoofCV's defaults); small regions are merged into
 * their neighbours up to about a quarter of the mean segment area.
 */
public final class MeanShiftSegmenter extends BoofcvSegmenter {

    private final int segments;

    /** @param segments the segment count aimed at, at least 2 */
    public MeanShiftSegmenter(int segments) {
        if (segments < 2) {
            throw new IllegalArgumentException("mean-shift needs a target of at least 2 segments, got " + segments);
        }
        this.segments = segments;
    }

    @Override
    ImageSuperpixels<Planar<GrayF32>> algorithm(int width, int height) {
        ConfigSegmentMeanShift config = new ConfigSegmentMeanShift();
        config.minimumRegionSize = minimumRegion(width, height, segments, 0.25);
        return FactoryImageSegmentation.meanShift(config, ImageType.pl(3, GrayF32.class));
    }

    @Override
    public String toString() {
        return "meanshift(" + segments + ")";
    }
}
