package dev.limelight.image;

import dev.limelight.core.ImageLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastCopyOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The device batch builder, ND4J ops only, so that it runs unchanged where the data lives on a GPU:
 * gather the chunk's sample rows by each pixel's segment (count x pixels), then three broadcast
 * ops over the batch viewed as count x C x pixels (NCHW) or count x pixels x C (NHWC): copy the
 * difference image, multiply by the gathered mask, add the fill. The image, fill, difference and
 * segment indices are uploaded once.
 */
final class NdOpsBatchBuilder extends PlannedBatchBuilder {

    private final INDArray labels;
    private final INDArray fill;
    private final INDArray difference;

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
        INDArray mask = Nd4j.createUninitialized(DataType.FLOAT, new long[] {count, pixels}, 'c');
        Gather gather = new Gather(rows, labels, 1);
        gather.addOutputArgument(mask);
        Nd4j.exec(gather);
        INDArray batch = planar ? target.reshape('c', count, channels, pixels) : target.reshape('c', count, pixels, channels);
        Nd4j.getExecutioner().exec(new BroadcastCopyOp(batch, difference, batch, 1, 2));
        Nd4j.getExecutioner().exec(new BroadcastMulOp(batch, mask, batch, 0, planar ? 2 : 1));
        Nd4j.getExecutioner().exec(new BroadcastAddOp(batch, fill, batch, 1, 2));
        mask.close();
        rows.close();
    }
}
