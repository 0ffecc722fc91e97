package dev.limelight.tabular;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small multi-layer perceptron for a labelled table, trained the way a DL4J script trains one:
 * categorical columns one-hot ({@link TableSchema#oneHot}), a {@link NormalizerStandardize} fitted
 * on the training rows, two ReLU layers and a softmax output, Adam, cross-entropy, shuffled
 * mini-batches. Saved with {@link #save(Path)} as a DL4J model zip holding its normalizer, which
 * {@link NetworkTabularClassifier#load(Path, TableSchema)} reads back.
 *
 * @param network    the trained network
 * @param normalizer the normalizer of its inputs
 * @param schema     the schema of its rows
 */
public record TabularMlp(MultiLayerNetwork network, NormalizerStandardize normalizer, TableSchema schema) {

    /**
     * How to train.
     *
     * @param hidden       units of the first hidden layer (the second has half), at least 2
     * @param epochs       passes over the rows, at least 1
     * @param batchSize    rows per update, at least 1
     * @param learningRate Adam's learning rate, &gt; 0
     * @param seed         the seed of the weights and the shuffling
     */
    public record Training(int hidden, int epochs, int batchSize, double learningRate, long seed) {

        /** The defaults: 32 hidden units, 30 epochs of batches of 32, learning rate 0.01, seed 42. */
        public static final Training DEFAULTS = new Training(32, 30, 32, 0.01, 42);

        /** Checks the values. */
        public Training {
            if (hidden < 2 || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("hidden >= 2, epochs >= 1, batch >= 1 and learning rate > 0; got "
                        + hidden + ", " + epochs + ", " + batchSize + ", " + learningRate);
            }
        }

        /** @return these settings with another number of epochs */
        public Training withEpochs(int epochs) {
            return new Training(hidden, epochs, batchSize, learningRate, seed);
        }

        /** @return these settings with another seed */
        public Training withSeed(long seed) {
            return new Training(hidden, epochs, batchSize, learningRate, seed);
        }
    }

    /** Checks that no part is null. */
    public TabularMlp {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(normalizer, "normalizer");
        Objects.requireNonNull(schema, "schema");
    }

    /**
     * Trains on a labelled table.
     *
     * @param table    the rows and their labels
     * @param training how to train
     * @return the trained network with its normalizer
     * @throws IllegalArgumentException if the table has no labels or fewer than two classes
     */
    public static TabularMlp train(Table table, Training training) {
        if (!table.hasLabels()) {
            throw new IllegalArgumentException(table.source() + " has no label column to train on");
        }
        int classes = table.schema().classes().size();
        if (classes < 2) {
            throw new IllegalArgumentException(table.source() + " has " + classes + " class; a classifier needs two");
        }
        DataSet data = dataSet(table);
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(data);
        normalizer.transform(data);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(training.seed())
                .weightInit(WeightInit.XAVIER).updater(new Adam(training.learningRate())).list()
                .layer(new DenseLayer.Builder().nIn(table.schema().encodedWidth()).nOut(training.hidden())
                        .activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(Math.max(2, training.hidden() / 2)).activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        java.util.Random shuffle = new java.util.Random(training.seed());
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            data.shuffle(shuffle.nextLong());
            List<DataSet> batches = data.batchBy(training.batchSize());
            batches.forEach(network::fit);
        }
        return new TabularMlp(network, normalizer, table.schema());
    }

    /** @return the network as a classifier of the schema's rows */
    public NetworkTabularClassifier classifier() {
        return NetworkTabularClassifier.of(network, schema, normalizer);
    }

    /**
     * @param table labelled rows of the same schema
     * @return the share of rows whose predicted class is their label
     */
    public double accuracy(Table table) {
        int[] predicted = Nd4j.argMax(classifier().predict(table.rows()), 1).toIntVector();
        int[] labels = table.labels();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return correct / (double) predicted.length;
    }

    /**
     * Writes the network and its normalizer as a DL4J model zip, atomically.
     *
     * @param file the zip to write
     * @throws IOException if it cannot be written
     */
    public void save(Path file) throws IOException {
        // DL4J's stream variant of writeModel with a normalizer fails (it flushes a stream it has closed):
        // the zip is written to a scratch file, the normalizer added to it, and the file moved into place
        java.nio.file.Path scratch = java.nio.file.Files.createTempFile("limelight-mlp", ".zip");
        try {
            ModelSerializer.writeModel(network, scratch.toFile(), false);
            ModelSerializer.addNormalizerToModel(scratch.toFile(), normalizer);
            dev.limelight.core.report.AtomicFiles.write(file, out -> java.nio.file.Files.copy(scratch, out));
        } finally {
            java.nio.file.Files.deleteIfExists(scratch);
        }
    }

    /** @return the table's rows as a DataSet: one-hot features, one-hot labels */
    static DataSet dataSet(Table table) {
        int[] labels = table.labels();
        float[][] targets = new float[labels.length][table.schema().classes().size()];
        for (int i = 0; i < labels.length; i++) {
            targets[i][labels[i]] = 1;
        }
        return new DataSet(Nd4j.createFromArray(table.schema().oneHot(table.rows())), Nd4j.createFromArray(targets));
    }
}
