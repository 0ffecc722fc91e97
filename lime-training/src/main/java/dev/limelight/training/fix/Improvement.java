package dev.limelight.training.fix;

import dev.limelight.audit.ImageRegion;
import dev.limelight.core.ProgressListener;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelCard;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainingImages;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.api.Model;

/**
 * From a finding to a better model, and the proof: fine-tunes a model on training images changed by
 * a {@link Fix} where a region should not matter, and verifies the result against the model before,
 * on held-out images ({@link Verification}: clean accuracy, accuracy with the artifact added, share
 * of the explanations' weight on the region).
 *
 * <p>Steps: the region is mapped onto every image; a stratified share of each class is held out;
 * the artifact and its carrier class are found on the training part (or given); the model before
 * is verified; a trainable copy of the network ({@link TrainableNetwork}) is fine-tuned for the
 * epochs, each on a fresh draw of altered images; the model after is verified the same way.
 */
public final class Improvement {

    private Improvement() {
    }

    /**
     * @param before    the model as loaded for scoring (verified as the "before" model; its input,
     *                  preprocessing and class names are the fine-tuned model's)
     * @param network   the same model's network as loaded for training (not rewritten for inference);
     *                  left unchanged
     * @param data      the labelled images, at the model's input size
     * @param region    where the confounder sits, in the original images' pixels
     * @param options   the fix, the fine-tuning, the verification
     * @param progress  told as images are explained and batches trained
     * @return the fine-tuned model with the verification before and after
     * @throws IllegalArgumentException when the region lies outside an image or a mask does not fit,
     *                                  or the network cannot be fine-tuned
     */
    public static ImprovementResult run(NetworkImageClassifier before, Model network, TrainingImages data,
                                        ImageRegion region, ImprovementOptions options, ProgressListener progress) {
        if (options.method() == FixMethod.RRR && !(network instanceof org.deeplearning4j.nn.multilayer.MultiLayerNetwork)) {
            throw new IllegalArgumentException("rrr fine-tunes DL4J MultiLayerNetworks only (DL4J 1.0.0-M2.1 gives a "
                    + "ComputationGraph no input gradients); use counterexamples or artifact-transfer");
        }
        MarkedRegion marked = new MarkedRegion(region, data);
        TrainingImages.Split split = data.split(options.training().validationShare(), options.training().seed());
        Artifact artifact = options.carrierClass() >= 0 ? Artifact.of(split.train(), marked, options.carrierClass())
                : Artifact.find(split.train(), marked);
        Verification was = Verification.measure(before, split.validation(), marked, artifact, options.verification(),
                progress, "verifying before");
        Model tuned = TrainableNetwork.of(network, data.classNames().size(), options.training().learningRate(),
                options.training().seed());
        long start = System.nanoTime();
        List<ImageTrainer.EpochRecord> history;
        if (options.method() == FixMethod.RRR) {
            history = ImageTrainer.fit(tuned, epoch -> split.train(),
                    new RightReasons(marked, options.lambda(), data.input().layout()), split.validation(),
                    before.preprocessing(), options.training(), progress);
        } else {
            Fix fix = new Fix(options.method(), marked, artifact, options.effectiveShare());
            history = ImageTrainer.fit(tuned, epoch -> fix.epoch(split.train(), epoch, options.training().seed()),
                    split.validation(), before.preprocessing(), options.training(), progress);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelOptions same = ModelOptions.builder().preprocessing(before.preprocessing())
                .inputSize(before.input().height(), before.input().width()).classNames(before.classNames())
                .name(before.name() + " (" + options.method().id() + ")").build();
        NetworkImageClassifier after = ImageModels.wrap(tuned, same);
        Verification is = Verification.measure(after, split.validation(), marked, artifact, options.verification(),
                progress, "verifying after");
        ModelCard card = new ModelCard(before.name() + "-" + options.method().id(), before.input(),
                before.preprocessing(), before.classNames(), 1.0, String.format(Locale.ROOT,
                        "%s fine-tuned by limelight improve (%s on %s, carrier class %s, %d epochs, seed %d): held-out "
                                + "accuracy %.4f -> %.4f, with the artifact %.4f -> %.4f, weight on the region %.3f -> %.3f",
                        before.name(), options.method().id(), region.describe(), artifact.className(),
                        options.training().epochs(), options.training().seed(), was.cleanAccuracy(), is.cleanAccuracy(),
                        was.shortcutAccuracy(), is.shortcutAccuracy(), was.regionShare(), is.regionShare()));
        return new ImprovementResult(options, region.describe(), artifact.carrierClass(), artifact.className(), was,
                is, history, split.train().size(), split.validation(), tuned, after, card, seconds);
    }
}
