package dev.limelight.tabular;

import dev.limelight.models.ModelFileException;
import dev.limelight.models.ModelFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J network (a {@link MultiLayerNetwork} or a single-input, single-output
 * {@link ComputationGraph}, trained in DL4J or imported from Keras) as a {@link TabularClassifier}:
 * rows are one-hot encoded by the schema ({@link TableSchema#oneHot}), then normalised by the DL4J
 * normalizer trained with the network when there is one (the {@code normalizer.bin} that
 * {@code ModelSerializer.addNormalizerToModel} puts in the model zip), then scored.
 *
 * <p>Safe for concurrent use: calls to the network are serialised by a lock (DL4J's {@code output}
 * is not thread-safe).
 */
public final class NetworkTabularClassifier implements TabularClassifier {

    private final Model network;
    private final TableSchema schema;
    private final DataNormalization normalizer;
    private final int classes;
    private final String name;

    private NetworkTabularClassifier(Model network, TableSchema schema, DataNormalization normalizer, int classes,
                                     String name) {
        this.network = network;
        this.schema = schema;
        this.normalizer = normalizer;
        this.classes = classes;
        this.name = name;
    }

    /**
     * Wraps a network a program holds.
     *
     * @param network    a MultiLayerNetwork or a ComputationGraph with one input and one output
     * @param schema     the table's schema: its encoded width must be the network's input width
     * @param normalizer the normalizer the network was trained with, or null
     * @return the classifier
     * @throws IllegalArgumentException if the network does not take the schema's rows or its output
     *                                  does not have one column per class of the schema
     */
    public static NetworkTabularClassifier of(Model network, TableSchema schema, DataNormalization normalizer) {
        return of(network, schema, normalizer, "network");
    }

    /**
     * Loads a model file: a DL4J model zip (with its normalizer, if it holds one) or a Keras HDF5 file
     * of a model whose input is the schema's encoded row.
     *
     * @param file   the model file
     * @param schema the table's schema
     * @return the classifier
     * @throws ModelFileException       if the file cannot be read as a model
     * @throws IllegalArgumentException if the network does not fit the schema
     */
    public static NetworkTabularClassifier load(Path file, TableSchema schema) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, ModelFileException.Problem.NOT_FOUND, "model file not found: " + file);
        }
        ModelFormat format = ModelFormat.of(file);
        String name = file.getFileName().toString();
        if (format == ModelFormat.KERAS_HDF5) {
            dev.limelight.models.Hdf5Structure.requireReadable(file);
            Model network;
            try {
                network = KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false);
            } catch (Exception sequential) {
                try {
                    network = KerasModelImport.importKerasModelAndWeights(file.toString(), false);
                } catch (Exception e) {
                    throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL,
                            file + ": DL4J cannot import this Keras model: " + e.getMessage(), e);
                }
            }
            return of(network, schema, null, name);
        }
        try {
            boolean graph = isGraph(file);
            Model network = graph ? ModelSerializer.restoreComputationGraph(file.toFile(), false)
                    : ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
            DataNormalization normalizer = ModelSerializer.restoreNormalizerFromFile(file.toFile());
            return of(network, schema, normalizer, name);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw new ModelFileException(file, ModelFileException.Problem.DAMAGED,
                    file + " cannot be read as a DL4J model zip: " + e.getMessage(), e);
        }
    }

    private static boolean isGraph(Path file) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry configuration = zip.getEntry(ModelSerializer.CONFIGURATION_JSON);
            if (configuration == null) {
                throw new ModelFileException(file, ModelFileException.Problem.NOT_A_MODEL_FILE,
                        file + " is not a DL4J model zip (no " + ModelSerializer.CONFIGURATION_JSON + ")");
            }
            try (java.io.InputStream in = zip.getInputStream(configuration)) {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).has("vertices");
            }
        }
    }

    private static NetworkTabularClassifier of(Model network, TableSchema schema, DataNormalization normalizer,
                                               String name) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(schema, "schema");
        if (network instanceof ComputationGraph graph && (graph.getConfiguration().getNetworkInputs().size() != 1
                || graph.getConfiguration().getNetworkOutputs().size() != 1)) {
            throw new IllegalArgumentException(name + " has several inputs or outputs; a table classifier has one of each");
        }
        if (!(network instanceof MultiLayerNetwork) && !(network instanceof ComputationGraph)) {
            throw new IllegalArgumentException(name + " is not a MultiLayerNetwork or ComputationGraph");
        }
        NetworkTabularClassifier probe = new NetworkTabularClassifier(network, schema, normalizer, 0, name);
        INDArray out;
        try {
            out = probe.output(new double[][] {new double[schema.columnCount()]});
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " does not take the schema's rows (" + schema.encodedWidth()
                    + " values after one-hot encoding): " + e.getMessage(), e);
        }
        if (out.rank() != 2) {
            throw new IllegalArgumentException(name + " outputs shape " + java.util.Arrays.toString(out.shape())
                    + "; a classifier outputs one row of class scores per table row");
        }
        int classes = (int) out.columns();
        if (!schema.classes().isEmpty() && schema.classes().size() != classes) {
            throw new IllegalArgumentException(name + " has " + classes + " outputs but the schema lists "
                    + schema.classes().size() + " classes " + schema.classes());
        }
        return new NetworkTabularClassifier(network, schema, normalizer, classes, name);
    }

    /** @return the schema the rows follow */
    public TableSchema schema() {
        return schema;
    }

    /** @return whether a normalizer is applied after one-hot encoding */
    public boolean hasNormalizer() {
        return normalizer != null;
    }

    @Override
    public int classCount() {
        return classes;
    }

    @Override
    public List<String> classNames() {
        return schema.classes().isEmpty()
                ? IntStream.range(0, classes).mapToObj(i -> "class " + i).collect(Collectors.toList())
                : schema.classes();
    }

    @Override
    public INDArray predict(double[][] rows) {
        return output(rows);
    }

    private synchronized INDArray output(double[][] rows) {
        INDArray x = Nd4j.createFromArray(schema.oneHot(rows));
        if (normalizer != null) {
            normalizer.transform(x);
        }
        DataType type = network instanceof ComputationGraph g ? g.getConfiguration().getDataType()
                : ((MultiLayerNetwork) network).getLayerWiseConfigurations().getDataType();
        INDArray input = x.dataType() == type ? x : x.castTo(type);
        INDArray out = network instanceof ComputationGraph g ? g.outputSingle(input)
                : ((MultiLayerNetwork) network).output(input);
        return out.castTo(DataType.DOUBLE);
    }

    @Override
    public String toString() {
        return "NetworkTabularClassifier[" + name + ", " + schema.columnCount() + " columns, " + classes + " classes"
                + (normalizer != null ? ", normalized" : "") + "]";
    }
}
