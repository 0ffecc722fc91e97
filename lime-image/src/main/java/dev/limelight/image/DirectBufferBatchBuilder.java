package dev.limelight.image;

import dev.limelight.core.ImageLayout;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CPU batch builder: parallel Java loops (one task per sample) write every value of the chunk
 * once, straight into the INDArray's off-heap buffer. Kept segments take the image, hidden ones
 * the fill; no intermediate array, no per-sample image copy.
 */
final class DirectBufferBatchBuilder implements MaskedBatchBuilder {

    private final MaskingPlan plan;
    private final float[] fillPlanar;
    private final float[] keptPlanar;

    DirectBufferBatchBuilder(MaskingPlan plan) {
        this.plan = plan;
        if (plan.layout() == ImageLayout.NCHW) {
            fillPlanar = toPlanar(plan.fill(), plan.channels());
            keptPlanar = toPlanar(plan.kept(), plan.channels());
        } else {
            fillPlanar = null;
            keptPlanar = null;
        }
    }

    private static float[] toPlanar(float[] interleaved, int channels) {
        int pixels = interleaved.length / channels;
        float[] planar = new float[interleaved.length];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < channels; c++) {
                planar[c * pixels + p] = interleaved[p * channels + c];
            }
        }
        return planar;
    }

    @Override
    public INDArray build(SampleMatrix samples, int from, int count) {
        plan.requireMatching(samples, from, count);
        INDArray batch = Nd4j.createUninitialized(DataType.FLOAT, plan.shape(count), 'c');
        FloatBuffer buffer = batch.data().asNioFloat();
        byte[] cells = samples.cellData();
        int segments = plan.segments();
        int[] labels = plan.labels();
        int pixels = labels.length;
        int channels = plan.channels();
        int imageSize = pixels * channels;
        boolean planar = plan.layout() == ImageLayout.NCHW;
        IntStream.range(0, count).parallel().forEach(i -> {
            int row = (from + i) * segments;
            int base = i * imageSize;
            if (planar) {
                for (int c = 0; c < channels; c++) {
                    int offset = c * pixels;
                    for (int p = 0; p < pixels; p++) {
                        boolean keep = cells[row + labels[p]] != 0;
                        buffer.put(base + offset + p, keep ? keptPlanar[offset + p] : fillPlanar[offset + p]);
                    }
                }
            } else {
                float[] kept = plan.kept();
                float[] fill = plan.fill();
                for (int p = 0; p < pixels; p++) {
                    float[] source = cells[row + labels[p]] != 0 ? kept : fill;
                    int at = p * channels;
                    for (int c = 0; c < channels; c++) {
                        buffer.put(base + at + c, source[at + c]);
                    }
                }
            }
        });
        return batch;
    }

    @Override
    public String toString() {
        return "DirectBufferBatchBuilder[" + plan.layout() + "]";
    }
}
