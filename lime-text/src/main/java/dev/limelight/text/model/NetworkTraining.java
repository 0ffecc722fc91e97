package dev.limelight.text.model;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Mini-batch fitting of a DL4J network on a feature matrix and class labels. */
final class NetworkTraining {

    private NetworkTraining() {
    }

    /** One-hot N x K labels. */
    static INDArray oneHot(int[] labels, int classes) {
        float[] data = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of document " + i + " is not one of the "
                        + classes + " classes");
            }
            data[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(data, new long[] {labels.length, classes}, DataType.FLOAT);
    }

    /** Fits {@code network} for the options' epochs, shuffling the rows each epoch from the seed. */
    static void fit(MultiLayerNetwork network, INDArray features, int[] labels, int classes, TrainingOptions options) {
        int n = labels.length;
        INDArray targets = oneHot(labels, classes);
        SplittableRandom random = new SplittableRandom(options.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int from = 0; from < n; from += options.batchSize()) {
                int count = Math.min(options.batchSize(), n - from);
                int[] rows = java.util.Arrays.copyOfRange(order, from, from + count);
                network.fit(new DataSet(features.getRows(rows), targets.getRows(rows)));
            }
        }
    }

    /** Accuracy of argmax predictions. */
    static double accuracy(INDArray probabilities, int[] labels) {
        int[] predicted = probabilities.argMax(1).toIntVector();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? 0 : correct / (double) labels.length;
    }
}
