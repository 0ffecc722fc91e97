package dev.limelight.training.fit;

import dev.limelight.core.ProgressListener;
import dev.limelight.models.ModelCard;
import dev.limelight.models.Preprocessing;
import dev.limelight.models.SmallCnn;
import dev.limelight.models.calibration.CalibratedClassifier;
import dev.limelight.models.calibration.ReliabilityBins;
import dev.limelight.models.calibration.TemperatureFit;
import dev.limelight.models.calibration.TemperatureScaling;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the small CNN ({@link SmallCnn}) on labelled images, and runs the epochs of any training or
 * fine-tuning: mini-batches in a fresh seeded order each epoch, the learning rate's decay applied
 * after each epoch, the network's training listeners told of its end, the validation accuracy
 * measured after it.
 *
 * <p>Training steps: a stratified split ({@link TrainingImages#split}); the epochs; the validation
 * images' probabilities; a temperature fitted on them (minimum NLL) with the validation ECE before
 * and after (15 bins; on the same images the temperature was fitted on, so the after figure is
 * optimistic). Without validation images, or when the network makes no mistake on them (the
 * likelihood then only grows as the temperature falls), the temperature stays 1.
 */
public final class ImageTrainer {

    /** Images per forward pass when the trainer measures a network. */
    private static final int EVALUATION_BATCH = 256;

    /** The images one epoch trains on: the same every epoch for plain training, fresh ones for a fix. */
    @FunctionalInterface
    public interface EpochImages {
        /**
         * @param epoch the epoch, from 1
         * @return its training images
         */
        TrainingImages forEpoch(int epoch);
    }

    /** One gradient step on a batch: how the network learns from it. */
    @FunctionalInterface
    public interface Step {
        /**
         * @param network  the network
         * @param batch    the batch's network inputs and one-hot labels
         * @param examples the batch's images, in batch order
         * @return the batch's loss
         */
        double apply(Model network, DataSet batch, List<TrainingImages.Example> examples);
    }

    /** DL4J's own step: {@code fit} on the batch. */
    public static final Step FIT = (network, batch, examples) -> {
        if (network instanceof MultiLayerNetwork mln) {
            mln.fit(batch);
        } else {
            ((ComputationGraph) network).fit(batch);
        }
        return network.score();
    };

    /**
     * One epoch's figures.
     *
     * @param epoch              the epoch, from 1
     * @param images             images trained on
     * @param meanLoss           the mean of its batches' losses
     * @param validationAccuracy accuracy on the validation images after it (NaN without them)
     * @param seconds            its wall time
     */
    public record EpochRecord(int epoch, int images, double meanLoss, double validationAccuracy, double seconds) {
    }

    private ImageTrainer() {
    }

    /**
     * Trains a fresh small CNN.
     *
     * @param name     the model's name (its card's)
     * @param data     the labelled images
     * @param options  epochs, batch size, learning rate, seed, validation share
     * @param progress told after every batch
     * @return the trained network with its card and figures
     * @throws IllegalArgumentException when a class has no training image
     */
    public static TrainedModel train(String name, TrainingImages data, TrainingOptions options,
                                     ProgressListener progress) {
        TrainingImages.Split split = data.split(options.validationShare(), options.seed());
        int[] perClass = new int[data.classNames().size()];
        split.train().examples().forEach(e -> perClass[e.label()]++);
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] == 0) {
                throw new IllegalArgumentException("the class '" + data.classNames().get(c)
                        + "' has no training image");
            }
        }
        MultiLayerNetwork network = new MultiLayerNetwork(SmallCnn.configuration(data.input(),
                data.classNames().size(), options.seed(), options.learningRate(), options.decay()));
        network.init();
        long start = System.nanoTime();
        List<EpochRecord> history = fit(network, epoch -> split.train(), split.validation(), Preprocessing.UNIT,
                options, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        double temperature = 1;
        ReliabilityBins before = null;
        ReliabilityBins after = null;
        double accuracy = Double.NaN;
        if (split.validation().size() > 0) {
            INDArray probabilities = probabilities(network, split.validation(), Preprocessing.UNIT);
            int[] labels = split.validation().labels();
            before = ReliabilityBins.of(probabilities, labels);
            accuracy = before.accuracy();
            if (accuracy < 1) {
                // without a mistake the likelihood only grows as the temperature falls: nothing to fit
                TemperatureFit fit = new TemperatureScaling().fitToProbabilities(probabilities, labels);
                temperature = fit.temperature();
            }
            after = ReliabilityBins.of(CalibratedClassifier.scale(probabilities, temperature), labels);
        }
        ModelCard card = new ModelCard(name, data.input(), Preprocessing.UNIT, data.classNames(), temperature,
                String.format(java.util.Locale.ROOT, "Small CNN trained by limelight train on %d images (%d held out "
                        + "for validation), %d epochs, seed %d; validation accuracy %.4f", split.train().size(),
                        split.validation().size(), options.epochs(), options.seed(), accuracy));
        return new TrainedModel(network, card, options, history, split.train().size(), split.validation().size(),
                accuracy, before, after, seconds);
    }

    /**
     * Runs the epochs of a training or fine-tuning on a network that can be trained (it ends in an
     * output layer with a loss).
     *
     * @param network       a {@code MultiLayerNetwork} or {@code ComputationGraph} with one input and one output
     * @param images        each epoch's training images
     * @param validation    images to measure the accuracy on after each epoch (may be empty)
     * @param preprocessing how [0, 255] pixels become the network's input
     * @param options       epochs, batch size, seed (the learning rate is the network's own)
     * @param progress      told after every batch, stage "epoch E/N"
     * @return one record per epoch
     */
    public static List<EpochRecord> fit(Model network, EpochImages images, TrainingImages validation,
                                        Preprocessing preprocessing, TrainingOptions options,
                                        ProgressListener progress) {
        return fit(network, images, FIT, validation, preprocessing, options, progress);
    }

    /**
     * Runs the epochs with another gradient step (say one with a penalty on the input gradients).
     *
     * @param step how each batch is learnt from
     * @see #fit(Model, EpochImages, TrainingImages, Preprocessing, TrainingOptions, ProgressListener)
     */
    public static List<EpochRecord> fit(Model network, EpochImages images, Step step, TrainingImages validation,
                                        Preprocessing preprocessing, TrainingOptions options,
                                        ProgressListener progress) {
        List<EpochRecord> history = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(options.seed() + 1);
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long start = System.nanoTime();
            TrainingImages train = images.forEpoch(epoch);
            int[] order = IntStream.range(0, train.size()).toArray();
            TrainingImages.shuffle(order, random);
            double loss = 0;
            int batches = (train.size() + options.batchSize() - 1) / options.batchSize();
            String stage = "epoch " + epoch + "/" + options.epochs();
            for (int b = 0; b < batches; b++) {
                int from = b * options.batchSize();
                int[] batch = java.util.Arrays.copyOfRange(order, from, Math.min(train.size(), from + options.batchSize()));
                DataSet data = train.dataSet(batch, preprocessing);
                loss += step.apply(network, data, IntStream.of(batch).mapToObj(train.examples()::get).toList());
                progress.progress(stage, b + 1, batches);
            }
            if (network instanceof MultiLayerNetwork mln) {
                mln.incrementEpochCount();
            } else {
                ((ComputationGraph) network).incrementEpochCount();
            }
            for (TrainingListener listener : listeners(network)) {
                listener.onEpochEnd(network);
            }
            double accuracy = validation.size() == 0 ? Double.NaN
                    : accuracy(probabilities(network, validation, preprocessing), validation.labels());
            history.add(new EpochRecord(epoch, train.size(), loss / batches, accuracy,
                    (System.nanoTime() - start) / 1e9));
        }
        return history;
    }

    private static java.util.Collection<TrainingListener> listeners(Model network) {
        java.util.Collection<TrainingListener> listeners = network instanceof MultiLayerNetwork mln
                ? mln.getListeners() : ((ComputationGraph) network).getListeners();
        return listeners == null ? List.of() : listeners;
    }

    /**
     * @return the network's class probabilities for the images, one row each
     */
    public static INDArray probabilities(Model network, TrainingImages images, Preprocessing preprocessing) {
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < images.size(); from += EVALUATION_BATCH) {
            int[] batch = IntStream.range(from, Math.min(images.size(), from + EVALUATION_BATCH)).toArray();
            INDArray features = images.dataSet(batch, preprocessing).getFeatures();
            parts.add(network instanceof MultiLayerNetwork mln ? mln.output(features, false)
                    : ((ComputationGraph) network).outputSingle(false, features));
        }
        return Nd4j.vstack(parts.toArray(INDArray[]::new));
    }

    /** @return the share of rows whose largest probability is the label's */
    public static double accuracy(INDArray probabilities, int[] labels) {
        INDArray predicted = probabilities.argMax(1);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted.getInt(i) == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? Double.NaN : (double) right / labels.length;
    }
}
