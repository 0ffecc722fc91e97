package dev.limelight.benchmarks.image;

import dev.limelight.core.ImageLayout;
import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.image.HideMode;
import dev.limelight.image.MaskedBatchBuilder;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.SegmenterKind;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds all N perturbed images of an explanation chunk by chunk into one reused batch (as the
 * explainer does, without the model) and prints milliseconds per perturbed image and the peak memory, for N = 1000 and
 * 10,000 at 224 and 299, with both builders.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.image.MaskingThroughput [chunk]}.
 */
public final class MaskingThroughput {

    private MaskingThroughput() {
    }

    public static void main(String[] args) {
        int chunk = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        System.out.printf(Locale.ROOT, "%-7s %-6s %5s %6s %12s %14s %14s%n", "builder", "layout", "size", "N",
                "ms/image", "peak heap MB", "peak native MB");
        double[] direct = new double[2];
        for (String builder : new String[] {"direct", "ndops"}) {
            for (int size : new int[] {224, 299}) {
                for (int n : new int[] {1000, 10_000}) {
                    double ms = run(builder, ImageLayout.NHWC, size, n, chunk);
                    if (builder.equals("direct") && n == 1000) {
                        direct[size == 224 ? 0 : 1] = ms;
                    }
                }
            }
        }
        for (int size : new int[] {224, 299}) {
            double naive = naive(size, 1000, chunk);
            System.out.printf(Locale.ROOT, "naive per-sample loop (copy the image, write hidden pixels), %d, N=1000: "
                    + "%.3f ms/image, %.1fx the direct builder%n", size, naive, naive / direct[size == 224 ? 0 : 1]);
        }
    }

    private static double naive(int size, int n, int chunk) {
        RasterImage image = MaskedBatchBenchmark.randomImage(size, 1);
        Segmentation segmentation = SegmenterKind.GRID.create(64).segment(image);
        RasterImage fill = HideMode.segmentMean().fill(image, segmentation);
        SampleMatrix samples = SampleMatrix.draw(n, segmentation.segmentCount(), 1);
        NaiveMasking.build(image, fill, segmentation, samples, 0, chunk).close();
        long start = System.nanoTime();
        for (int from = 0; from < n; from += chunk) {
            NaiveMasking.build(image, fill, segmentation, samples, from, Math.min(chunk, n - from)).close();
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    private static double run(String kind, ImageLayout layout, int size, int n, int chunk) {
        RasterImage image = MaskedBatchBenchmark.randomImage(size, 1);
        Segmentation segmentation = SegmenterKind.GRID.create(64).segment(image);
        RasterImage fill = HideMode.segmentMean().fill(image, segmentation);
        MaskedBatchBuilder builder = kind.equals("direct") ? MaskedBatchBuilder.direct(image, fill, segmentation, layout)
                : MaskedBatchBuilder.ndOps(image, fill, segmentation, layout);
        SampleMatrix samples = SampleMatrix.draw(n, segmentation.segmentCount(), 1);
        buildAll(builder, samples, Math.min(n, 8 * chunk), chunk); // warm up
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long peakHeap = 0;
        long peakNative = 0;
        long start = System.nanoTime();
        INDArray reusable = builder.build(samples, 0, chunk);
        for (int from = chunk; from < n; from += chunk) {
            int count = Math.min(chunk, n - from);
            if (count == chunk) {
                builder.buildInto(samples, from, reusable);
            } else {
                builder.build(samples, from, count).close();
            }
            peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
            peakNative = Math.max(peakNative, Pointer.physicalBytes());
        }
        double ms = (System.nanoTime() - start) / 1e6;
        reusable.close();
        System.out.printf(Locale.ROOT, "%-7s %-6s %5d %6d %12.3f %14.0f %14.0f%n", kind, layout, size, n, ms / n,
                peakHeap / 1e6, peakNative / 1e6);
        return ms / n;
    }

    private static void buildAll(MaskedBatchBuilder builder, SampleMatrix samples, int n, int chunk) {
        for (int from = 0; from < n; from += chunk) {
            builder.build(samples, from, Math.min(chunk, n - from)).close();
        }
    }
}
