package dev.limelight.benchmarks.image;

import boofcv.factory.segmentation.ConfigSlic;
import dev.limelight.core.FeatureWeight;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.ImageResizer;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.segmentation.SlicSegmenter;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whether fewer SLIC iterations keep the explanations: for each shared photo, SLIC's time at the
 * model's input size (median of 7 after 3 warm-ups) with 10 (BoofCV's default), 5 and 3 k-means
 * iterations, and the overlap (intersection over union of pixels) between the top-5 positive
 * superpixels of an explanation with the default and with the faster setting (same seed). Beside it,
 * the same overlap between two seeds of the default, the noise any setting must be judged against.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.image.SlicSettingsStudy MODEL [SAMPLES]}
 * (MODEL a Keras file whose preprocessing is {@code unit}; default 500 samples).
 */
public final class SlicSettingsStudy {

    private static final int[] ITERATIONS = {10, 5, 3};
    private static final int SEGMENTS = 64;
    private static final int TOP = 5;

    private SlicSettingsStudy() {
    }

    public static void main(String[] args) throws IOException {
        NetworkImageClassifier model = ImageModels.load(Path.of(args[0]),
                ModelOptions.builder().preprocessing(Preprocessing.UNIT).build());
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path images = Path.of(System.getProperty("limelight.data.dir"), "images");
        List<Path> photos;
        try (Stream<Path> files = Files.list(images)) {
            photos = files.filter(p -> p.toString().matches(".*\\.(jpg|png)")).sorted().toList();
        }
        System.out.printf(Locale.ROOT, "%s, %s, %d samples, %d segments, top %d%n", model.name(), model.input(),
                samples, SEGMENTS, TOP);
        System.out.printf(Locale.ROOT, "%-20s %12s %12s %12s %14s %12s %12s%n", "photo", "slic10 ms", "slic5 ms",
                "slic3 ms", "seed IoU(10)", "IoU 5 vs 10", "IoU 3 vs 10");
        double[][] all = new double[photos.size()][];
        for (int p = 0; p < photos.size(); p++) {
            RasterImage photo = ImageFiles.read(photos.get(p));
            RasterImage input = ImageResizer.resize(photo, model.input().width(), model.input().height());
            double[] ms = new double[ITERATIONS.length];
            for (int i = 0; i < ITERATIONS.length; i++) {
                ms[i] = medianMillis(new SlicSegmenter(config(ITERATIONS[i])), input);
            }
            ImageExplanation reference = explain(model, photo, config(10), samples, 0);
            double seeds = overlap(reference, explain(model, photo, config(10), samples, 1));
            double five = overlap(reference, explain(model, photo, config(5), samples, 0));
            double three = overlap(reference, explain(model, photo, config(3), samples, 0));
            all[p] = new double[] {ms[0], ms[1], ms[2], seeds, five, three};
            System.out.printf(Locale.ROOT, "%-20s %12.1f %12.1f %12.1f %14.3f %12.3f %12.3f%n",
                    photos.get(p).getFileName(), ms[0], ms[1], ms[2], seeds, five, three);
        }
        double[] mean = new double[6];
        for (double[] row : all) {
            for (int c = 0; c < 6; c++) {
                mean[c] += row[c] / all.length;
            }
        }
        System.out.printf(Locale.ROOT, "%-20s %12.1f %12.1f %12.1f %14.3f %12.3f %12.3f%n", "mean", mean[0], mean[1],
                mean[2], mean[3], mean[4], mean[5]);
    }

    private static ConfigSlic config(int iterations) {
        ConfigSlic config = SlicSegmenter.defaults(SEGMENTS);
        config.totalIterations = iterations;
        return config;
    }

    private static double medianMillis(SlicSegmenter segmenter, RasterImage image) {
        double[] ms = new double[7];
        for (int i = 0; i < 3; i++) {
            segmenter.segment(image);
        }
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            segmenter.segment(image);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static ImageExplanation explain(NetworkImageClassifier model, RasterImage photo, ConfigSlic slic,
                                            int samples, long seed) {
        return new ImageExplainer(ImageExplainerOptions.builder().samples(samples).seed(seed)
                .segmenter(new SlicSegmenter(slic)).build()).explain(photo, model);
    }

    /** @return intersection over union of the pixels of the two explanations' top positive superpixels */
    private static double overlap(ImageExplanation a, ImageExplanation b) {
        boolean[] x = topPixels(a);
        boolean[] y = topPixels(b);
        int both = 0;
        int either = 0;
        for (int i = 0; i < x.length; i++) {
            both += x[i] && y[i] ? 1 : 0;
            either += x[i] || y[i] ? 1 : 0;
        }
        return either == 0 ? 1 : (double) both / either;
    }

    private static boolean[] topPixels(ImageExplanation e) {
        List<FeatureWeight> positive = new ArrayList<>(e.top().surrogate().weights().stream()
                .filter(w -> w.weight() > 0).toList());
        positive.sort(Comparator.comparingDouble(FeatureWeight::weight).reversed());
        boolean[] top = new boolean[e.segmentation().segmentCount()];
        positive.stream().limit(TOP).forEach(w -> top[w.feature()] = true);
        Segmentation s = e.segmentation();
        boolean[] pixels = new boolean[s.width() * s.height()];
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                pixels[y * s.width() + x] = top[s.label(x, y)];
            }
        }
        return pixels;
    }
}
