package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.limelight.core.FeatureWeight;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.RasterImage;
import dev.limelight.models.BundledModels;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.calibration.CalibratedClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One loaded model and one explainer shared by several threads: every explanation made while the
 * others run equals the one made alone, weight for weight. The model's calls are serialized by
 * {@link NetworkImageClassifier#predict}'s lock; everything an explanation builds (its masks, its
 * batch builder, its samples) belongs to its own call.
 */
class ThreadSafetyTest {

    private static final int THREADS = 4;

    @Test
    void explanationsMadeConcurrentlyWithOneModelEqualThoseMadeAlone() throws Exception {
        NetworkImageClassifier model = BundledModels.fashionMnist();
        CalibratedClassifier calibrated = new CalibratedClassifier(model, 1.5);
        ImageExplainer explainer = new ImageExplainer(ImageExplainerOptions.builder().samples(200).topLabels(2)
                .seed(3).build());
        List<RasterImage> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../models/bundled/images"))) {
            for (Path file : files.sorted().toList()) {
                images.add(ImageFiles.read(file));
            }
        }
        List<List<FeatureWeight>> alone = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            alone.add(weights(explainer.explain(images.get(i), i % 2 == 0 ? model : calibrated)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<List<FeatureWeight>>> together = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    int k = i;
                    together.add(pool.submit(() -> weights(explainer.explain(images.get(k),
                            k % 2 == 0 ? model : calibrated))));
                }
                for (int i = 0; i < images.size(); i++) {
                    assertEquals(alone.get(i), together.get(i).get(), "image " + i + ", made beside the others");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<FeatureWeight> weights(ImageExplanation e) {
        List<FeatureWeight> all = new ArrayList<>();
        e.labels().forEach(l -> all.addAll(l.surrogate().weights()));
        return all;
    }
}
