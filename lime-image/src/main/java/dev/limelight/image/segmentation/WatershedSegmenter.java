package dev.limelight.image.segmentation;

import boofcv.abst.segmentation.ImageSuperpixels;
import boofcv.alg.filter.blur.BlurImageOps;
import boofcv.factory.segmentation.ConfigWatershed;
import boofcv.factory.segmentation.FactoryImageSegmentation;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.ImageType;
import boofcv.struct.image.Planar;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;

/**
 * Watershed (Vincent and Soille, 1991) on the blurred colour-gradient magnitude: basins are
 * regions of little colour change, walls follow edges. The fastest of the colour-aware
 * segmenters; small basins are merged up to about half the mean segment area.
 */
public final class WatershedSegmenter extends BoofcvSegmenter {

    /** Gaussian blur radius applied to the gradient magnitude before flooding. */
    public static final int BLUR_RADIUS = 2;

    private final int segments;

    /** @param segments the segment count aimed at, at least 2 */
    public WatershedSegmenter(int segments) {
        if (segments < 2) {
            throw new IllegalArgumentException("watershed needs a target of at least 2 segments, got " + segments);
        }
        this.segments = segments;
    }

    @Override
    public Segmentation segment(RasterImage image) {
        int w = image.width();
        int h = image.height();
        Planar<GrayF32> planes = toPlanar(image);
        GrayF32 gradient = new GrayF32(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int band = 0; band < 3; band++) {
                    GrayF32 p = planes.getBand(band);
                    float dx = p.get(Math.min(x + 1, w - 1), y) - p.get(Math.max(x - 1, 0), y);
                    float dy = p.get(x, Math.min(y + 1, h - 1)) - p.get(x, Math.max(y - 1, 0));
                    sum += dx * dx + dy * dy;
                }
                gradient.set(x, y, (float) Math.sqrt(sum));
            }
        }
        GrayF32 blurred = BlurImageOps.gaussian(gradient, null, -1, BLUR_RADIUS, null);
        float max = 1e-6f;
        for (float v : blurred.data) {
            max = Math.max(max, v);
        }
        GrayF32 scaled = new GrayF32(w, h);
        for (int i = 0; i < blurred.data.length; i++) {
            scaled.data[i] = 255f * blurred.data[i] / max;
        }
        ConfigWatershed config = new ConfigWatershed();
        config.minimumRegionSize = minimumRegion(w, h, segments, 0.5);
        var algorithm = FactoryImageSegmentation.watershed(config, ImageType.single(GrayF32.class));
        GrayS32 labels = new GrayS32(w, h);
        algorithm.segment(scaled, labels);
        return Segmentation.fromLabels(w, h, labelsOf(labels));
    }

    @Override
    ImageSuperpixels<Planar<GrayF32>> algorithm(int width, int height) {
        throw new UnsupportedOperationException("watershed floods the gradient image, see segment()");
    }

    @Override
    public String toString() {
        return "watershed(" + segments + ")";
    }
}
