package dev.limelight.image;

import dev.limelight.core.sampling.SampleMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What both batch builders share: the masking plan, and a new batch filled by {@link #buildInto}. */
abstract class PlannedBatchBuilder implements MaskedBatchBuilder {

    final MaskingPlan plan;

    PlannedBatchBuilder(MaskingPlan plan) {
        this.plan = plan;
    }

    @Override
    public INDArray build(SampleMatrix samples, int from, int count) {
        INDArray batch = Nd4j.createUninitialized(DataType.FLOAT, plan.shape(count), 'c');
        buildInto(samples, from, batch);
        return batch;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + plan.layout() + "]";
    }
}
