package dev.limelight.training.fix;

import dev.limelight.audit.AuditResult;
import dev.limelight.audit.slices.ExplanationCluster;
import dev.limelight.audit.slices.ExplanationClusters;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ProgressListener;
import dev.limelight.image.HideMode;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import dev.limelight.image.segmentation.GridSegmenter;
import dev.limelight.training.fit.TrainingImages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whether a model relies on a confounder, measured on held-out images:
 * <ul>
 *   <li>{@code cleanAccuracy}: the accuracy on the images as they are;</li>
 *   <li>{@code shortcutAccuracy}: the accuracy on the images of every other class than the
 *       artifact's carrier with the artifact pasted in (labels kept): a model that reads the
 *       artifact calls them the carrier class;</li>
 *   <li>{@code regionShare}: over the first {@code explained} of those images (in a seeded order),
 *       the mean share of the explanation's positive weight (LIME for the predicted class, a grid of
 *       cells, hidden cells black) that lies in the marked region;</li>
 *   <li>{@code clusters}: those explanations grouped by the evidence they rest on
 *       ({@link ExplanationClusters}, per predicted class): before a fix the images the artifact
 *       turns into the carrier class form a flagged cluster whose top cell is the artifact's.</li>
 * </ul>
 *
 * @param cleanAccuracy    accuracy on the held-out images
 * @param shortcutAccuracy accuracy on the held-out images of other classes with the artifact added
 * @param regionShare      mean share of the positive weight in the region on the explained ones
 * @param images           held-out images
 * @param shortcutImages   of them not of the carrier class
 * @param shares           the share of each explained image, in order
 * @param clusters         the explanation clusters of the explained images
 */
public record Verification(double cleanAccuracy, double shortcutAccuracy, double regionShare, int images,
                           int shortcutImages, List<Double> shares, List<Cluster> clusters) {

    /**
     * An explanation cluster and where its weight lies.
     *
     * @param cluster     the cluster
     * @param regionShare its members' mean share of the positive weight in the marked region
     */
    public record Cluster(ExplanationCluster cluster, double regionShare) {
    }

    /** Images per model call when measuring accuracy. */
    private static final int BATCH = 128;

    /** Copies the list. */
    public Verification {
        shares = List.copyOf(shares);
        clusters = List.copyOf(clusters);
    }

    /** @return the clusters flagged as candidate shortcuts */
    public List<Cluster> flaggedClusters() {
        return clusters.stream().filter(c -> c.cluster().flagged()).toList();
    }

    /**
     * How the explanations are computed.
     *
     * @param explained images explained for the region share
     * @param samples   LIME samples per explanation
     * @param cells     grid cells per image
     * @param seed      seed of the artifact sources, the order and the explanations
     */
    public record Settings(int explained, int samples, int cells, long seed) {

        /** 20 images, 300 samples, 64 cells, seed 0. */
        public static final Settings DEFAULTS = new Settings(20, 300, 64, 0);

        /** @throws IllegalArgumentException for a count out of range */
        public Settings {
            if (explained < 0 || samples < 10 || cells < 2) {
                throw new IllegalArgumentException("explained must be >= 0, samples >= 10 and cells >= 2, got "
                        + explained + ", " + samples + ", " + cells);
            }
        }
    }

    /**
     * @param model    the model
     * @param test     held-out images
     * @param region   the marked region (mapped onto the held-out images too)
     * @param artifact the artifact
     * @param settings the explanations' settings
     * @param progress told after each explanation (stage {@code stage})
     * @param stage    the progress stage's name
     * @return the measures
     */
    public static Verification measure(ImageClassifier model, TrainingImages test, MarkedRegion region,
                                       Artifact artifact, Settings settings, ProgressListener progress, String stage) {
        double clean = accuracy(model, test.images(), test.labels());
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<TrainingImages.Example> others = test.examples().stream()
                .filter(e -> e.label() != artifact.carrierClass()).toList();
        List<RasterImage> withArtifact = new ArrayList<>(others.size());
        for (TrainingImages.Example e : others) {
            withArtifact.add(artifact.pasteInto(e.image(), random));
        }
        int[] labels = others.stream().mapToInt(TrainingImages.Example::label).toArray();
        double shortcut = accuracy(model, withArtifact, labels);
        int[] order = java.util.stream.IntStream.range(0, others.size()).toArray();
        TrainingImages.shuffle(order, random);
        int explained = Math.min(settings.explained(), others.size());
        ImageExplainer explainer = new ImageExplainer(ImageExplainerOptions.builder().samples(settings.samples())
                .segmenter(new GridSegmenter(settings.cells())).hideMode(HideMode.constant(0, 0, 0))
                .seed(settings.seed()).topLabels(1).build());
        List<Double> shares = new ArrayList<>(explained);
        List<ExplanationClusters.Explained> explanations = new ArrayList<>(explained);
        for (int k = 0; k < explained; k++) {
            int i = order[k];
            ImageExplanation e = explainer.explain(withArtifact.get(i), model);
            RasterImage image = withArtifact.get(i);
            String path = others.get(i).path();
            shares.add(e.positiveShareIn(region.inside(path), image.width(), image.height()));
            explanations.add(new ExplanationClusters.Explained(path, model.classNames().get(e.top().label()),
                    AuditResult.cellWeights(e, e.top())));
            progress.progress(stage, k + 1, explained);
        }
        double share = shares.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        Map<String, Double> shareOf = new HashMap<>();
        for (int k = 0; k < explained; k++) {
            shareOf.put(explanations.get(k).path(), shares.get(k));
        }
        List<Cluster> clusters = ExplanationClusters.ofExplanations(explanations, model.classNames(), settings.seed())
                .stream().map(c -> new Cluster(c, c.members().stream().mapToDouble(shareOf::get).average().orElse(0)))
                .toList();
        return new Verification(clean, shortcut, share, test.size(), others.size(), shares, clusters);
    }

    /** @return the share of images the model classifies as labelled (NaN for none) */
    public static double accuracy(ImageClassifier model, List<RasterImage> images, int[] labels) {
        int right = 0;
        for (int from = 0; from < images.size(); from += BATCH) {
            List<RasterImage> batch = images.subList(from, Math.min(images.size(), from + BATCH));
            INDArray p = model.predict(PhotoBatch.of(batch, model.input()));
            INDArray predicted = p.argMax(1);
            for (int k = 0; k < batch.size(); k++) {
                right += predicted.getInt(k) == labels[from + k] ? 1 : 0;
            }
        }
        return images.isEmpty() ? Double.NaN : (double) right / images.size();
    }
}
