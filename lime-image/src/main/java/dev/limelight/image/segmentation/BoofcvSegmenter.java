package dev.limelight.image.segmentation;

import boofcv.abst.segmentation.ImageSuperpixels;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.Planar;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.Segmenter;

/**
 * Runs a BoofCV superpixel algorithm on the RGB planes of the image (gray images are replicated
 * into three planes) and compacts its labels. A fresh BoofCV instance is made per call, since they
 * keep state, so a segmenter can be shared between threads.
 */
abstract class BoofcvSegmenter implements Segmenter {

    /** @return a new BoofCV algorithm configured for an image of this size */
    abstract ImageSuperpixels<Planar<GrayF32>> algorithm(int width, int height);

    @Override
    public Segmentation segment(RasterImage image) {
        Planar<GrayF32> planes = toPlanar(image);
        GrayS32 labels = new GrayS32(image.width(), image.height());
        algorithm(image.width(), image.height()).segment(planes, labels);
        return Segmentation.fromLabels(image.width(), image.height(), labelsOf(labels));
    }

    static Planar<GrayF32> toPlanar(RasterImage image) {
        RasterImage rgb = image.toRgb();
        int w = rgb.width();
        int h = rgb.height();
        float[] pixels = rgb.pixels();
        Planar<GrayF32> planes = new Planar<>(GrayF32.class, w, h, 3);
        for (int band = 0; band < 3; band++) {
            float[] data = planes.getBand(band).data;
            for (int i = 0; i < w * h; i++) {
                data[i] = pixels[3 * i + band];
            }
        }
        return planes;
    }

    static int[] labelsOf(GrayS32 image) {
        int[] out = new int[image.width * image.height];
        for (int y = 0; y < image.height; y++) {
            System.arraycopy(image.data, image.startIndex + y * image.stride, out, y * image.width, image.width);
        }
        return out;
    }

    /** Minimum region size for roughly {@code target} regions of an image of this size. */
    static int minimumRegion(int width, int height, int target, double share) {
        return Math.max(1, (int) Math.round(share * width * height / target));
    }
}
