package dev.limelight.benchmarks.image;

import dev.limelight.core.ImageLayout;
import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.image.HideMode;
import dev.limelight.image.MaskedBatchBuilder;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.SegmenterKind;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * One chunk of 32 perturbed images (a model batch) built into a reused batch by each builder, at 224 and 299,
 * in both layouts, with the segment-mean fill and 64 SLIC-sized grid segments. The score is
 * milliseconds per chunk; divide by 32 for milliseconds per perturbed image.
 *
 * <p>Run: {@code benchmarks/jmh MaskedBatchBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MaskedBatchBenchmark {

    /** Images per chunk. */
    public static final int CHUNK = 32;

    @Param({"224", "299"})
    public int size;

    @Param({"NCHW", "NHWC"})
    public ImageLayout layout;

    @Param({"direct", "ndops"})
    public String builder;

    @Param({"mean"})
    public String hide;

    private MaskedBatchBuilder batches;
    private SampleMatrix samples;
    private int next;
    private INDArray target;

    @Setup
    public void setUp() {
        RasterImage image = randomImage(size, 1);
        Segmentation segmentation = SegmenterKind.GRID.create(64).segment(image);
        RasterImage fill = HideMode.parse(hide).fill(image, segmentation);
        batches = builder.equals("direct") ? MaskedBatchBuilder.direct(image, fill, segmentation, layout)
                : MaskedBatchBuilder.ndOps(image, fill, segmentation, layout);
        samples = SampleMatrix.draw(CHUNK * 32, segmentation.segmentCount(), 7);
        target = batches.build(samples, 0, CHUNK);
    }

    @Benchmark
    public float buildChunk() {
        batches.buildInto(samples, next, target);
        next = (next + CHUNK) % (samples.samples() - CHUNK);
        return target.getFloat(0);
    }

    static RasterImage randomImage(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[size * size * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256);
        }
        return new RasterImage(size, size, 3, pixels);
    }
}
