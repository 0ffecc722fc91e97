package dev.limelight.audit;

import dev.limelight.core.ImageClassifier;
import dev.limelight.image.ImageExplanation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Audits an image classifier over a labelled folder in one JVM: classifies every image in batches,
 * explains the predicted class of a subset of images (spread evenly over the true classes, seeded,
 * see {@link #imagesToExplain}) and of the most confident mistakes (with the true class beside the
 * predicted one, {@link AuditWorker#mistakesToExplain}) on a fixed grid with K cells each (sparse, as SP-LIME needs: an
 * explanation that weights every cell covers everything), and {@link AuditResult#assemble assembles}
 * the metrics, calibration, confident mistakes and SP-LIME's B picks. The per-image work is an
 * {@link AuditWorker}'s, the same as on Spark.
 */
public final class ImageAudit {

    private final AuditOptions options;

    /** @param options the audit options */
    public ImageAudit(AuditOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Runs the audit over the images of the folder that decode; the others are listed in the
     * result's {@link LabelledFolder#skipped()} and not audited.
     */
    public AuditResult run(LabelledFolder given, ImageClassifier classifier, String modelName) {
        return run(given, classifier, modelName, AuditCheckpoint.none());
    }

    /**
     * As {@link #run(LabelledFolder, ImageClassifier, String)}, keeping the classifying pass in a
     * checkpoint: batches already in it are not classified again, and each new batch is appended to
     * it as it is done. The result is the same as an uninterrupted run's.
     *
     * @throws IllegalArgumentException when the checkpoint is another audit's
     */
    public AuditResult run(LabelledFolder given, ImageClassifier classifier, String modelName,
                           AuditCheckpoint checkpoint) {
        LabelledFolder folder = given.decodable();
        List<LabelledImage> images = folder.images();
        int n = images.size();
        AuditWorker worker = new AuditWorker(classifier, options, modelName);
        List<ImageObservation> observations = new ArrayList<>(n);
        observations.addAll(checkpoint.open(AuditCheckpoint.fingerprint(modelName, classifier.explainedOutput(), folder,
                options)));
        if (!observations.isEmpty()) {
            options.progress().progress("classify", observations.size(), n);
        }
        for (int from = observations.size(); from < n; from += options.batchSize()) {
            int count = Math.min(options.batchSize(), n - from);
            List<ImageObservation> batch = worker.observe(images.subList(from, from + count));
            checkpoint.append(batch);
            observations.addAll(batch);
            options.progress().progress("classify", from + count, n);
        }
        List<Integer> chosen = new ArrayList<>(imagesToExplain(folder, options));
        double[][] probabilities = observations.stream().map(ImageObservation::probabilities).toArray(double[][]::new);
        chosen.addAll(AuditWorker.mistakesToExplain(folder, probabilities, chosen, options));
        Map<Integer, ImageExplanation> explanations = new LinkedHashMap<>();
        int done = 0;
        for (int i : chosen) {
            explanations.put(i, worker.explain(images.get(i), i,
                    AuditWorker.argMax(observations.get(i).probabilities())));
            options.progress().progress("explain", ++done, chosen.size());
        }
        return AuditResult.assemble(folder, modelName, observations, explanations, options);
    }

    /**
     * Which images an audit explains: up to {@link AuditOptions#explained()} indices, round-robin over
     * the true classes, in a seeded order within each class; sorted. It depends on the true labels
     * only, so a distributed audit can decide it before any model runs.
     */
    public static List<Integer> imagesToExplain(LabelledFolder folder, AuditOptions options) {
        int k = folder.classes().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        List<LabelledImage> images = folder.images();
        for (int i = 0; i < images.size(); i++) {
            byClass.get(images.get(i).classIndex()).add(i);
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
        int wanted = Math.min(options.explained(), images.size());
        for (int round = 0; chosen.size() < wanted; round++) {
            for (List<Integer> members : byClass) {
                if (round < members.size() && chosen.size() < wanted) {
                    chosen.add(members.get(round));
                }
            }
        }
        chosen.sort(Integer::compare);
        return chosen;
    }
}
