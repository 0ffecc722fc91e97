package dev.limelight.benchmarks.image;

import dev.limelight.image.ImageFiles;
import dev.limelight.image.ImageResizer;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.SegmenterKind;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Each segmenter, with the default 64-segment target, on a real photo resized to 224 and 299
 * (cat_mouse.jpg from the shared data, or a synthetic texture when {@code limelight.data.dir} is
 * not set).
 *
 * <p>Run: {@code benchmarks/jmh SegmentationBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SegmentationBenchmark {

    @Param({"SLIC", "FH04", "MEANSHIFT", "WATERSHED", "GRID"})
    public SegmenterKind segmenter;

    @Param({"224", "299"})
    public int size;

    private RasterImage image;

    @Setup
    public void setUp() {
        String dir = System.getProperty("limelight.data.dir", "");
        Path photo = Path.of(dir, "images", "cat_mouse.jpg");
        RasterImage source = !dir.isEmpty() && Files.exists(photo) ? ImageFiles.read(photo)
                : MaskedBatchBenchmark.randomImage(640, 3);
        image = ImageResizer.resize(source, size, size);
    }

    @Benchmark
    public Segmentation segment() {
        return segmenter.create(SegmenterKind.DEFAULT_SEGMENTS).segment(image);
    }
}
