package dev.limelight.image.segmentation;

import boofcv.alg.segmentation.slic.SegmentSlic_PlF32;
import boofcv.factory.segmentation.ConfigSlic;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.Planar;
import java.util.Arrays;
import org.ddogleg.struct.DogArray;
import org.ddogleg.struct.DogArray_I32;

/**
 * BoofCV's SLIC for three-plane (RGB) float images with its k-means steps on packed arrays. BoofCV keeps, for
 * every pixel, a list object of (cluster, distance) entries and makes them anew for every image
 * (twelve entry objects a pixel); its assignment and update steps spend most of their time
 * allocating and following them. This subclass keeps the same entries in flat arrays (a fixed
 * number of slots a pixel, doubled when a pixel needs more) and does the same float arithmetic in
 * the same order, so its labels are BoofCV's bit for bit ({@code PackedSlicTest}); the seeding, the
 * connectivity rule and the merging of small regions stay BoofCV's own. One instance segments one
 * image at a time.
 */
final class PackedSlic extends SegmentSlic_PlF32 {

    private final float spatialWeight;
    private int slots;
    private int[] entryCount = new int[0];
    private int[] entryCluster = new int[0];
    private float[] entryDistance = new float[0];
    private float adjustSpatial;

    /** @param config BoofCV's configuration */
    PackedSlic(ConfigSlic config) {
        this(config, 16);
    }

    /** @param slots entries a pixel holds before the arrays grow (tests start small to exercise growth) */
    PackedSlic(ConfigSlic config, int slots) {
        super(config.numberOfRegions, config.spacialWeight, config.totalIterations, config.connectRule, 3);
        this.spatialWeight = config.spacialWeight;
        this.slots = slots;
        // BoofCV's per-pixel lists are not used: one shared placeholder keeps its set-up from making them
        Pixel unused = new Pixel();
        pixels = new DogArray<>(() -> unused);
    }

    @Override
    protected void initalize(Planar<GrayF32> input) {
        super.initalize(input);
        adjustSpatial = spatialWeight / gridInterval;
        int count = input.width * input.height;
        if (entryCount.length < count) {
            entryCount = new int[count];
            entryCluster = new int[count * slots];
            entryDistance = new float[count * slots];
        }
    }

    /** Expectation step: the distance of every pixel within a cluster's window to that cluster, in cluster order. */
    @Override
    protected void computeClusterDistance() {
        int width = input.width;
        Arrays.fill(entryCount, 0, width * input.height, 0);
        float[] red = input.getBand(0).data;
        float[] green = input.getBand(1).data;
        float[] blue = input.getBand(2).data;
        for (int i = 0; i < clusters.size; i++) {
            Cluster c = clusters.data[i];
            int centerX = (int) (c.x + 0.5f);
            int centerY = (int) (c.y + 0.5f);
            int x0 = Math.max(0, centerX - gridInterval);
            int x1 = Math.min(width, centerX + gridInterval + 1);
            int y0 = Math.max(0, centerY - gridInterval);
            int y1 = Math.min(input.height, centerY + gridInterval + 1);
            float r = c.color[0];
            float g = c.color[1];
            float b = c.color[2];
            for (int y = y0; y < y1; y++) {
                int pixel = y * width + x0;
                int at = input.startIndex + y * input.stride + x0;
                int dy = y - centerY;
                for (int x = x0; x < x1; x++, pixel++, at++) {
                    int dx = x - centerX;
                    float dr = red[at] - r;
                    float dg = green[at] - g;
                    float db = blue[at] - b;
                    float distanceColor = dr * dr + dg * dg + db * db;
                    float distanceSpatial = dx * dx + dy * dy;
                    add(pixel, i, distanceColor + adjustSpatial * distanceSpatial);
                }
            }
        }
    }

    private void add(int pixel, int cluster, float distance) {
        int k = entryCount[pixel];
        if (k == slots) {
            growSlots();
        }
        int at = pixel * slots + k;
        entryCluster[at] = cluster;
        entryDistance[at] = distance;
        entryCount[pixel] = k + 1;
    }

    private void growSlots() {
        int wider = slots * 2;
        int count = entryCount.length;
        int[] clustersWider = new int[count * wider];
        float[] distancesWider = new float[count * wider];
        for (int p = 0; p < count; p++) {
            System.arraycopy(entryCluster, p * slots, clustersWider, p * wider, entryCount[p]);
            System.arraycopy(entryDistance, p * slots, distancesWider, p * wider, entryCount[p]);
        }
        entryCluster = clustersWider;
        entryDistance = distancesWider;
        slots = wider;
    }

    /** Maximization step: each pixel's distances become weights; clusters move to their weighted means. */
    @Override
    protected void updateClusters() {
        int count = clusters.size;
        float[] sumX = new float[count];
        float[] sumY = new float[count];
        float[] sumWeight = new float[count];
        float[] sumRed = new float[count];
        float[] sumGreen = new float[count];
        float[] sumBlue = new float[count];
        float[] red = input.getBand(0).data;
        float[] green = input.getBand(1).data;
        float[] blue = input.getBand(2).data;
        int pixel = 0;
        for (int y = 0; y < input.height; y++) {
            int at = input.startIndex + y * input.stride;
            for (int x = 0; x < input.width; x++, pixel++, at++) {
                int first = pixel * slots;
                int end = first + entryCount[pixel];
                toWeights(first, end);
                for (int e = first; e < end; e++) {
                    int c = entryCluster[e];
                    float weight = entryDistance[e];
                    sumX[c] += x * weight;
                    sumY[c] += y * weight;
                    sumWeight[c] += weight;
                    sumRed[c] += red[at] * weight;
                    sumGreen[c] += green[at] * weight;
                    sumBlue[c] += blue[at] * weight;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            Cluster c = clusters.data[i];
            c.x = sumX[i];
            c.y = sumY[i];
            c.totalWeight = sumWeight[i];
            c.color[0] = sumRed[i];
            c.color[1] = sumGreen[i];
            c.color[2] = sumBlue[i];
            c.update();
        }
    }

    /** A pixel's weight for a cluster: 1 - distance / (sum of its distances), or 1 for a single cluster. */
    private void toWeights(int first, int end) {
        if (end - first == 1) {
            entryDistance[first] = 1;
            return;
        }
        float sum = 0;
        for (int e = first; e < end; e++) {
            sum += entryDistance[e];
        }
        for (int e = first; e < end; e++) {
            entryDistance[e] = 1.0f - entryDistance[e] / sum;
        }
    }

    /** Each pixel goes to its nearest cluster; a pixel no window reached gets a region of its own, as in BoofCV. */
    @Override
    public void assignLabelsToPixels(GrayS32 pixelToRegions, DogArray_I32 regionMemberCount,
                                     DogArray<float[]> regionColor) {
        regionColor.reset();
        for (int i = 0; i < clusters.size; i++) {
            float[] color = clusters.data[i].color;
            System.arraycopy(color, 0, regionColor.grow(), 0, color.length);
        }
        regionMemberCount.resize(clusters.size);
        regionMemberCount.fill(0);
        int pixel = 0;
        for (int y = 0; y < pixelToRegions.height; y++) {
            int out = pixelToRegions.startIndex + y * pixelToRegions.stride;
            for (int x = 0; x < pixelToRegions.width; x++, pixel++, out++) {
                int best = -1;
                float bestDistance = Float.MAX_VALUE;
                for (int e = pixel * slots, end = e + entryCount[pixel]; e < end; e++) {
                    if (entryDistance[e] < bestDistance) {
                        bestDistance = entryDistance[e];
                        best = clusters.data[entryCluster[e]].id;
                    }
                }
                if (best == -1) {
                    regionColor.grow();
                    best = regionMemberCount.size();
                    regionMemberCount.add(0);
                }
                pixelToRegions.data[out] = best;
                regionMemberCount.data[best]++;
            }
        }
    }
}
