package dev.limelight.audit;

import dev.limelight.core.FeatureSelection;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.Probabilities;
import dev.limelight.core.SubmodularPick;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SegmenterKind;
import dev.limelight.models.calibration.ReliabilityBins;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Audits an image classifier over a labelled folder: classifies every image in batches, computes
 * the metrics and calibration, explains the predicted class of a subset of images (spread evenly
 * over the true classes, seeded) on a fixed grid with K cells each (sparse, as SP-LIME needs: an
 * explanation that weights every cell covers everything), and lets SP-LIME pick the B explanations
 * that together cover the most important grid cells.
 */
public final class ImageAudit {

    private final AuditOptions options;

    /** @param options the audit options */
    public ImageAudit(AuditOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Runs the audit. */
    public AuditResult run(LabelledFolder folder, ImageClassifier classifier, String modelName) {
        List<LabelledImage> images = folder.images();
        int n = images.size();
        int k = classifier.classCount();
        double[][] probabilities = new double[n][];
        for (int from = 0; from < n; from += options.batchSize()) {
            int count = Math.min(options.batchSize(), n - from);
            List<RasterImage> photos = new ArrayList<>(count);
            for (int i = from; i < from + count; i++) {
                photos.add(ImageFiles.read(images.get(i).path()));
            }
            INDArray batch = PhotoBatch.of(photos, classifier.input());
            double[][] rows = Probabilities.validRows(classifier.predict(batch), count, k, "the classifier " + modelName);
            System.arraycopy(rows, 0, probabilities, from, count);
            batch.close();
            options.progress().progress("classify", from + count, n);
        }
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double[] confidence = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = images.get(i).classIndex();
            predicted[i] = argMax(probabilities[i]);
            confidence[i] = probabilities[i][predicted[i]];
        }
        ClassificationMetrics metrics = ClassificationMetrics.of(truth, predicted, k);
        ReliabilityBins calibration = ReliabilityBins.of(Nd4j.createFromArray(probabilities), truth);
        List<Integer> mistakes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (predicted[i] != truth[i]) {
                mistakes.add(i);
            }
        }
        mistakes.sort(Comparator.comparingDouble((Integer i) -> confidence[i]).reversed());
        mistakes = mistakes.subList(0, Math.min(options.mistakes(), mistakes.size()));

        List<Integer> chosen = chooseExplained(truth, k);
        Map<Integer, ImageExplanation> explanations = new LinkedHashMap<>();
        List<Map<Integer, Double>> weights = new ArrayList<>();
        ImageExplainerOptions explain = ImageExplainerOptions.builder()
                .samples(options.samples())
                .batchSize(options.batchSize())
                .segmenter(SegmenterKind.GRID.create(options.gridCells()))
                .featureSelection(FeatureSelection.AUTO)
                .numFeatures(options.cellsPerExplanation())
                .hideMode(options.hideMode())
                .build();
        int done = 0;
        for (int i : chosen) {
            ImageExplanation e = new ImageExplainer(explain.toBuilder().labels(predicted[i]).seed(options.seed() + i)
                    .build()).explain(ImageFiles.read(images.get(i).path()), classifier);
            explanations.put(i, e);
            weights.add(e.top().surrogate().weightsByFeature());
            options.progress().progress("explain", ++done, chosen.size());
        }
        SubmodularPick.Result<Integer> pick = SubmodularPick.pick(weights, Math.min(options.budget(), weights.size()));
        return new AuditResult(folder, modelName, predicted, confidence, metrics, calibration, mistakes, explanations,
                pick, chosen, pick.importance());
    }

    /** Up to {@code explained} image indices, round-robin over the true classes, seeded order within each. */
    List<Integer> chooseExplained(int[] truth, int k) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < truth.length; i++) {
            byClass.get(truth[i]).add(i);
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        for (List<Integer> members : byClass) {
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < Math.min(options.explained(), truth.length); round++) {
            for (List<Integer> members : byClass) {
                if (round < members.size() && chosen.size() < options.explained()) {
                    chosen.add(members.get(round));
                }
            }
        }
        chosen.sort(Integer::compare);
        return chosen;
    }

    private static int argMax(double[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
