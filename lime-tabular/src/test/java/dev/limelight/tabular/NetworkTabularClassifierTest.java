package dev.limelight.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The network adapter: rows one-hot in the schema's order, the network's normalizer after, any DL4J
 * network kind, and a saved model read back with its normalizer; a network that does not fit the
 * schema is refused with both widths.
 */
class NetworkTabularClassifierTest {

    private static final TableSchema SCHEMA = new TableSchema(List.of(TableSchema.Column.numeric("x"),
            TableSchema.Column.categorical("c", "a", "b", "c"), TableSchema.Column.numeric("y")), "label",
            List.of("no", "yes"));

    @Test
    void oneHotPutsEachCategoryInItsPlace() {
        float[][] encoded = SCHEMA.oneHot(new double[][] {{1.5, 2, -3}, {0, 0, 7}});
        assertArrayEquals(new float[] {1.5f, 0, 0, 1, -3}, encoded[0]);
        assertArrayEquals(new float[] {0, 1, 0, 0, 7}, encoded[1]);
        assertEquals(5, SCHEMA.encodedWidth());
        assertThrows(IllegalArgumentException.class, () -> SCHEMA.oneHot(new double[][] {{0, 3, 0}}));
    }

    @Test
    void aComputationGraphScoresNormalizedOneHotRows() {
        ComputationGraph graph = graph(5);
        NormalizerMinMaxScaler normalizer = new NormalizerMinMaxScaler();
        normalizer.fit(new DataSet(Nd4j.createFromArray(new float[][] {{0, 0, 0, 0, -10}, {4, 1, 1, 1, 10}}),
                Nd4j.zeros(2, 2)));
        NetworkTabularClassifier classifier = NetworkTabularClassifier.of(graph, SCHEMA, normalizer);
        double[][] rows = {{1, 1, 5}, {3, 2, -5}};
        INDArray expectedInput = Nd4j.createFromArray(SCHEMA.oneHot(rows));
        normalizer.transform(expectedInput);
        INDArray expected = graph.outputSingle(expectedInput);
        assertArrayEquals(expected.toDoubleMatrix()[0], classifier.predict(rows).toDoubleMatrix()[0], 1e-6);
        assertArrayEquals(expected.toDoubleMatrix()[1], classifier.predict(rows).toDoubleMatrix()[1], 1e-6);
        assertEquals(List.of("no", "yes"), classifier.classNames());
    }

    @Test
    void aNetworkOfAnotherWidthIsRefusedWithBothWidths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkTabularClassifier.of(graph(7), SCHEMA, null));
        assertTrue(e.getMessage().contains("5 values after one-hot encoding"), e.getMessage());
    }

    @Test
    void aSavedModelIsReadBackWithItsNormalizer(@TempDir Path dir) throws Exception {
        Table table = PlantedRuleTest.plantedTable(400, 3);
        TabularMlp mlp = TabularMlp.train(table, TabularMlp.Training.DEFAULTS.withEpochs(2));
        Path zip = dir.resolve("model.zip");
        mlp.save(zip);
        NetworkTabularClassifier loaded = NetworkTabularClassifier.load(zip, table.schema());
        assertTrue(loaded.hasNormalizer());
        double[][] rows = table.rows();
        assertArrayEquals(mlp.classifier().predict(rows).ravel().toDoubleVector(), loaded.predict(rows).ravel().toDoubleVector(),
                1e-6);
    }

    /**
     * A Keras 2 Sequential MLP (Dense 8 relu, Dense 2 softmax on 5 inputs) written by
     * {@code src/test/resources/keras-mlp/make_mlp.py}: its outputs through Limelight equal the
     * forward pass computed here from the same weights.
     */
    @Test
    void aKerasMlpScoresAsItsWeightsSay() throws Exception {
        Path dir = Path.of(getClass().getResource("/keras-mlp/mlp.h5").toURI()).getParent();
        NetworkTabularClassifier keras = NetworkTabularClassifier.load(dir.resolve("mlp.h5"), SCHEMA);
        com.fasterxml.jackson.databind.JsonNode w = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("mlp-weights.json").toFile());
        double[][] rows = {{0.5, 0, 1.5}, {-1, 2, 0.25}};
        float[][] x = SCHEMA.oneHot(rows);
        double[][] out = keras.predict(rows).toDoubleMatrix();
        for (int i = 0; i < rows.length; i++) {
            double[] hidden = new double[8];
            for (int h = 0; h < 8; h++) {
                double sum = w.get("b1").get(h).asDouble();
                for (int j = 0; j < 5; j++) {
                    sum += x[i][j] * w.get("w1").get(j).get(h).asDouble();
                }
                hidden[h] = Math.max(0, sum);
            }
            double[] logits = new double[2];
            for (int c = 0; c < 2; c++) {
                logits[c] = w.get("b2").get(c).asDouble();
                for (int h = 0; h < 8; h++) {
                    logits[c] += hidden[h] * w.get("w2").get(h).get(c).asDouble();
                }
            }
            double p1 = 1 / (1 + Math.exp(logits[0] - logits[1]));
            assertEquals(1 - p1, out[i][0], 1e-5);
            assertEquals(p1, out[i][1], 1e-5);
        }
    }

    private static ComputationGraph graph(int inputs) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(inputs).nOut(4).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }
}
