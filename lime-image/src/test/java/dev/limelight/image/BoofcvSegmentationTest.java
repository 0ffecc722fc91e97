package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boofcv.abst.segmentation.ImageSuperpixels;
import boofcv.factory.segmentation.ConfigFh04;
import boofcv.factory.segmentation.FactoryImageSegmentation;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.ImageType;
import boofcv.struct.image.Planar;
import boofcv.struct.image.GrayF32;
import org.junit.jupiter.api.Test;

/** BoofCV's segmentation is on the module's classpath and behaves as lime-image relies on. */
class BoofcvSegmentationTest {

    @Test
    void felzenszwalbSplitsTwoFlatHalvesIntoTwoRegions() {
        Planar<GrayF32> image = new Planar<>(GrayF32.class, 40, 30, 3);
        for (int band = 0; band < 3; band++) {
            GrayF32 plane = image.getBand(band);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    plane.set(x, y, x < 20 ? 10 : 200);
                }
            }
        }
        ImageSuperpixels<Planar<GrayF32>> fh = FactoryImageSegmentation.fh04(new ConfigFh04(),
                ImageType.pl(3, GrayF32.class));
        GrayS32 labels = new GrayS32(40, 30);
        fh.segment(image, labels);

        assertEquals(2, fh.getTotalSuperpixels());
        assertEquals(labels.get(0, 0), labels.get(19, 29));
        assertEquals(labels.get(20, 0), labels.get(39, 29));
    }
}
