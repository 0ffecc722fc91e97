package dev.limelight.benchmarks.image;

import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.RasterImage;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.Preprocessing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A study tool: writes the neighbourhoods a real model gives on real photos (the 0/1 sample matrix
 * and the model's probabilities for every row) so that estimators and stopping rules can be studied
 * offline. The samples are drawn and scored exactly as {@link ImageExplainer} does (same seed, same
 * design, same batches); the answers are also cached as in {@link AdaptiveSamplingStudy}, which then
 * re-scores nothing.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.image.NeighbourhoodDump MODEL.h5 SIZE
 * independent|antithetic|orthogonal SAMPLES FIRST_SEED SEEDS photo...}; writes
 * {@code out/studies/neighbourhoods/MODEL/PHOTO-DESIGN-SEED.csv}, MODEL the model file's name without
 * {@code .h5} (first line: label; then one line per
 * sample: the 0/1 cells, then the probabilities).
 */
public final class NeighbourhoodDump {

    private NeighbourhoodDump() {
    }

    public static void main(String[] args) throws Exception {
        FreshThread.run("dump", () -> run(args));
    }

    private static void run(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        SamplingDesign design = SamplingDesign.valueOf(args[2].toUpperCase(Locale.ROOT));
        int samples = Integer.parseInt(args[3]);
        long firstSeed = Long.parseLong(args[4]);
        int seeds = Integer.parseInt(args[5]);
        Path images = Path.of(System.getProperty("limelight.data.dir"), "images");
        Path studies = Files.createDirectories(Path.of("out", "studies"));
        String modelName = model.getFileName().toString().replaceAll("\\.h5$", "");
        Path out = Files.createDirectories(studies.resolve("neighbourhoods").resolve(modelName));
        MemoizingClassifier memo = new MemoizingClassifier(ImageModels.load(model, ModelOptions.builder()
                .preprocessing(Preprocessing.UNIT).inputSize(size, size).build()),
                studies.resolve(model.getFileName() + "-" + size + ".answers"));
        long started = System.nanoTime();
        for (String photo : Arrays.copyOfRange(args, 6, args.length)) {
            RasterImage image = ImageFiles.read(images.resolve(photo));
            ImageExplainerOptions base = ImageExplainerOptions.builder().topLabels(1).batchSize(16)
                    .samplingDesign(design).build();
            int label = new ImageExplainer(base.toBuilder().samples(2).build()).explain(image, memo).top().label();
            for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
                Recorder recorder = new Recorder(memo);
                var explanation = new ImageExplainer(base.toBuilder().labels(label).seed(seed).samples(samples).build())
                        .explain(image, recorder);
                int s = explanation.segmentation().segmentCount();
                SampleMatrix matrix = SampleMatrix.draw(samples, s, seed, design);
                if (recorder.rows.size() < samples) {
                    throw new IllegalStateException("recorded " + recorder.rows.size() + " answers for " + samples);
                }
                Path file = out.resolve(photo.replaceAll("\\.[a-z]+$", "") + "-" + args[2] + "-" + seed + ".csv");
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
                    w.println(label);
                    for (int i = 0; i < samples; i++) {
                        StringBuilder line = new StringBuilder();
                        for (int j = 0; j < s; j++) {
                            line.append(matrix.keeps(i, j) ? 1 : 0).append(',');
                        }
                        double[] p = recorder.rows.get(i);
                        for (int k = 0; k < p.length; k++) {
                            line.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9g", p[k]));
                        }
                        w.println(line);
                    }
                }
                System.out.printf(Locale.ROOT, "%s seed %d: %d segments, label %d, p %.4f; model calls so far %d, %.0f s%n",
                        photo, seed, s, label, recorder.rows.get(0)[label], memo.modelCalls(),
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** Keeps every answer in the order the explainer asked for them. */
    private static final class Recorder implements ImageClassifier {
        private final ImageClassifier delegate;
        private final List<double[]> rows = new ArrayList<>();

        Recorder(ImageClassifier delegate) {
            this.delegate = delegate;
        }

        @Override
        public ImageInput input() {
            return delegate.input();
        }

        @Override
        public int classCount() {
            return delegate.classCount();
        }

        @Override
        public INDArray predict(INDArray batch) {
            INDArray out = delegate.predict(batch);
            for (int i = 0; i < out.rows(); i++) {
                rows.add(out.getRow(i).toDoubleVector());
            }
            return out;
        }
    }
}
