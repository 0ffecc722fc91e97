package dev.limelight.benchmarks;

import dev.limelight.core.ExponentialKernel;
import dev.limelight.core.FeatureSelection;
import dev.limelight.core.KLasso;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.Neighbourhood;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole K-Lasso fit (kernel, weighted Gram matrix, feature selection, final ridge) per call,
 * as the reference's {@code explain_instance_with_data}: image-like 1000 x 50 (kernel width 0.25)
 * and text-like 5000 x 300 (cosine x 100, width 25), every selection mode, K = 6 and 10.
 *
 * <p>Run: {@code benchmarks/jmh KLassoBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KLassoBenchmark {

    @Param({"image_1000x50", "text_5000x300"})
    public String neighbourhood;

    @Param({"NONE", "FORWARD_SELECTION", "HIGHEST_WEIGHTS", "LASSO_PATH", "AUTO"})
    public FeatureSelection selection;

    @Param({"6", "10"})
    public int k;

    private Neighbourhood data;
    private KLasso klasso;

    @Setup
    public void setUp() {
        boolean text = neighbourhood.startsWith("text");
        data = text ? SyntheticNeighbourhoods.textLike(5000, 300, 42) : SyntheticNeighbourhoods.imageLike(1000, 50, 42);
        klasso = new KLasso(KLassoOptions.builder()
                .kernelWidth(text ? ExponentialKernel.TEXT_WIDTH : ExponentialKernel.IMAGE_WIDTH)
                .featureSelection(selection)
                .numFeatures(k)
                .build());
    }

    @Benchmark
    public LocalExplanation fit() {
        return klasso.explain(data, 1);
    }
}
