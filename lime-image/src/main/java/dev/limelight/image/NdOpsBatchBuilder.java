package dev.limelight.image;

import dev.limelight.core.ImageLayout;
import dev.limelight.core.sampling.SampleMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastCopyOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The device batch builder, ND4J ops only, so that it runs unchanged where the data lives on a GPU:
 * gather the chunk's sample rows by each pixel's segment (count x pixels), then two broadcast ops
 * over the batch viewed as count x C x pixels (NCHW) or count x pixels x C (NHWC): multiply the
 * difference image (tiled once per chunk size) by the gathered mask into the batch, and add the
 * fill. The image, fill, difference and segment indices are uploaded once; the mask and the tiled
 * difference are reused from chunk to chunk (so an instance is not thread-safe: one per
 * explanation).
 */
final class NdOpsBatchBuilder extends PlannedBatchBuilder {

    private final INDArray labels;
    private final INDArray fill;
    private final INDArray difference;
    private INDArray mask;
    private INDArray tiled;

    NdOpsBatchBuilder(MaskingPlan plan) {
        super(plan);
        int pixels = plan.labels().length;
        int channels = plan.channels();
        this.labels = Nd4j.createFromArray(plan.labels());
        INDArray fillHwc = Nd4j.create(plan.fill(), new long[] {pixels, channels}, 'c');
        INDArray differenceHwc = Nd4j.create(plan.difference(), new long[] {pixels, channels}, 'c');
        if (plan.layout() == ImageLayout.NCHW) {
            this.fill = fillHwc.transpose().dup('c');
            this.difference = differenceHwc.transpose().dup('c');
        } else {
            this.fill = fillHwc;
            this.difference = differenceHwc;
        }
    }

    @Override
    public void buildInto(SampleMatrix samples, int from, INDArray target) {
        int count = (int) target.size(0);
        plan.requireMatching(samples, from, count);
        plan.requireTarget(target);
        int pixels = plan.labels().length;
        int channels = plan.channels();
        boolean planar = plan.layout() == ImageLayout.NCHW;
        INDArray rows = samples.rows(from, count, DataType.FLOAT);
        INDArray mask = maskBuffer(count, pixels);
        Gather gather = new Gather(rows, labels, 1);
        gather.addOutputArgument(mask);
        Nd4j.exec(gather);
        INDArray batch = planar ? target.reshape('c', count, channels, pixels) : target.reshape('c', count, pixels, channels);
        INDArray tiled = tiledDifference(count, planar ? new long[] {count, channels, pixels}
                : new long[] {count, pixels, channels});
        Nd4j.getExecutioner().exec(new BroadcastMulOp(tiled, mask, batch, 0, planar ? 2 : 1));
        Nd4j.getExecutioner().exec(new BroadcastAddOp(batch, fill, batch, 1, 2));
        rows.close();
    }

    /**
     * The difference image repeated for every image of a chunk, made once (one broadcast copy) and
     * reused: each chunk then costs a gather, one broadcast multiply into the batch and one add.
     */
    private INDArray tiledDifference(int count, long[] shape) {
        if (tiled == null || tiled.size(0) != count) {
            if (tiled != null) {
                tiled.close();
            }
            tiled = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
            Nd4j.getExecutioner().exec(new BroadcastCopyOp(tiled, difference, tiled, 1, 2));
        }
        return tiled;
    }

    /**
     * The gathered mask of a chunk, reused from chunk to chunk: allocating and freeing an 11 MB
     * block per chunk (299 x 299, 32 images) grows the resident memory, as glibc keeps such blocks.
     */
    private INDArray maskBuffer(int count, int pixels) {
        if (mask == null || mask.size(0) != count) {
            if (mask != null) {
                mask.close();
            }
            mask = Nd4j.createUninitialized(DataType.FLOAT, new long[] {count, pixels}, 'c');
        }
        return mask;
    }
}
