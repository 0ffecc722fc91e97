package dev.limelight.image;

import dev.limelight.core.ImageLayout;
import dev.limelight.core.sampling.SampleMatrix;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The CPU batch builder: parallel Java loops (one task per sample) write every value of the chunk
 * once, straight into the INDArray's off-heap buffer. The segment map is precomputed as runs of
 * consecutive pixels (in memory order) of one segment; each run of each sample is one bulk copy
 * from the kept image or from the fill, chosen by the sample's bit for that segment. No
 * intermediate array, no per-sample image copy, no per-pixel branch.
 */
final class DirectBufferBatchBuilder extends PlannedBatchBuilder {

    private final float[] fillPlanar;
    private final float[] keptPlanar;
    private final int[] runStart;
    private final int[] runLength;
    private final int[] runSegment;

    DirectBufferBatchBuilder(MaskingPlan plan) {
        super(plan);
        int[] labels = plan.labels();
        int runs = 1;
        for (int p = 1; p < labels.length; p++) {
            if (labels[p] != labels[p - 1]) {
                runs++;
            }
        }
        runStart = new int[runs];
        runLength = new int[runs];
        runSegment = new int[runs];
        int r = 0;
        for (int p = 0; p < labels.length; p++) {
            if (p == 0 || labels[p] != labels[p - 1]) {
                if (p > 0) {
                    r++;
                }
                runStart[r] = p;
                runSegment[r] = labels[p];
            }
            runLength[r]++;
        }
        if (plan.layout() == ImageLayout.NCHW) {
            fillPlanar = plan.inLayout(plan.fill());
            keptPlanar = plan.inLayout(plan.kept());
        } else {
            fillPlanar = null;
            keptPlanar = null;
        }
    }

    @Override
    public void buildInto(SampleMatrix samples, int from, INDArray batch) {
        int count = (int) batch.size(0);
        plan.requireMatching(samples, from, count);
        plan.requireTarget(batch);
        FloatBuffer buffer = batch.data().asNioFloat();
        int pixels = plan.labels().length;
        int channels = plan.channels();
        int imageSize = pixels * channels;
        boolean planar = plan.layout() == ImageLayout.NCHW;
        IntStream.range(0, count).parallel().forEach(i -> {
            int base = i * imageSize;
            if (planar) {
                for (int c = 0; c < channels; c++) {
                    int plane = c * pixels;
                    for (int r = 0; r < runStart.length; r++) {
                        float[] source = samples.keeps(from + i, runSegment[r]) ? keptPlanar : fillPlanar;
                        int at = plane + runStart[r];
                        buffer.put(base + at, source, at, runLength[r]);
                    }
                }
            } else {
                float[] kept = plan.kept();
                float[] fill = plan.fill();
                for (int r = 0; r < runStart.length; r++) {
                    float[] source = samples.keeps(from + i, runSegment[r]) ? kept : fill;
                    int at = runStart[r] * channels;
                    buffer.put(base + at, source, at, runLength[r] * channels);
                }
            }
        });
    }
}
