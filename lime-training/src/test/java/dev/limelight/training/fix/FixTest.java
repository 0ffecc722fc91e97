package dev.limelight.training.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.ImageRegion;
import dev.limelight.training.fit.TrainingImages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What artifact transfer makes of the planted marker's images, counted over epochs: every class
 * carries the marker in about the share asked; a carrier image without it shows, a quarter of the
 * time, the region exactly as an image of the other class has it (clean content), never the marker.
 */
class FixTest {

    @Test
    void artifactTransferGivesEveryClassTheMarkerAndCarriersCleanRegionsToo() {
        TrainingImages train = PlantedMarker.images(100, 3, true);
        MarkedRegion region = new MarkedRegion(ImageRegion.Rectangle.parse(PlantedMarker.REGION), train);
        Fix fix = new Fix(FixMethod.ARTIFACT_TRANSFER, region, Artifact.of(train, region, 0), 0.5);
        Set<String> otherClassRegions = new HashSet<>();
        for (TrainingImages.Example e : train.examples()) {
            if (e.label() == 1) {
                otherClassRegions.add(regionOf(e.image().pixels()));
            }
        }
        int[] marked = new int[2];
        int[] counted = new int[2];
        int carrierSwapped = 0;
        int carrierUnmarked = 0;
        for (int epoch = 1; epoch <= 20; epoch++) {
            List<TrainingImages.Example> examples = fix.epoch(train, epoch, 9).examples();
            for (TrainingImages.Example e : examples) {
                String content = regionOf(e.image().pixels());
                boolean hasMarker = content.chars().allMatch(ch -> ch == 'M' || ch == ',');
                counted[e.label()]++;
                marked[e.label()] += hasMarker ? 1 : 0;
                if (e.label() == 0 && !hasMarker) {
                    carrierUnmarked++;
                    carrierSwapped += otherClassRegions.contains(content) ? 1 : 0;
                }
            }
        }
        for (int c = 0; c < 2; c++) {
            assertEquals(0.5, marked[c] / (double) counted[c], 0.05, "class " + c + " carries the marker half the time");
        }
        assertEquals(0.25, carrierSwapped / (double) carrierUnmarked, 0.05,
                "a carrier without the marker has another class's clean region one time in four");
        assertTrue(carrierSwapped > 0);
    }

    /** The 4 x 4 region at (1, 1) of a 20 x 20 image: 'M' for a marker pixel (255), else the value. */
    private static String regionOf(float[] pixels) {
        StringBuilder s = new StringBuilder();
        for (int y = 1; y < 5; y++) {
            for (int x = 1; x < 5; x++) {
                float v = pixels[y * PlantedMarker.SIZE + x];
                s.append(v == 255f ? "M" : Float.toString(v)).append(',');
            }
        }
        return s.toString();
    }
}
