package dev.limelight.text.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.OutputKind;
import dev.limelight.core.TextClassifier;
import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A linear bag-of-words text classifier: TF-IDF features over a vocabulary learnt from the
 * training texts ({@link TfIdf}), then a DL4J softmax layer (multinomial logistic regression with
 * an L2 penalty). It stands in for the LIME paper's linear models on bag-of-words and, trained on
 * 20 Newsgroups posts with their headers, reproduces the paper's untrustworthy classifier.
 *
 * <p>{@link #save(Path)} writes one zip file: {@code model.json} (format, class names, vocabulary
 * and idf) and {@code network.zip} (DL4J's {@link ModelSerializer} format, without the updater).
 * Predictions are thread-safe.
 */
public final class BagOfWordsClassifier implements TextClassifier, LogitScoring {

    /** The format name written into saved models. */
    public static final String FORMAT = "limelight-text-bag-of-words";

    /** Default training: 20 epochs of batches of 64, Adam 0.01, L2 1e-4, seed 0. */
    public static final TrainingOptions DEFAULT_TRAINING = new TrainingOptions(20, 64, 0.01, 1e-4, 0);

    /** Default vocabulary: terms in at least 2 training documents, at most 20,000. */
    public static final int DEFAULT_MIN_DOCUMENT_FREQUENCY = 2;

    /** Default maximum vocabulary size: 20,000. */
    public static final int DEFAULT_MAX_VOCABULARY = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TfIdf features;
    private final MultiLayerNetwork network;
    private final List<String> classNames;
    private final OutputKind outputKind;

    private BagOfWordsClassifier(TfIdf features, MultiLayerNetwork network, List<String> classNames) {
        this(features, network, classNames, OutputKind.SOFTMAX);
    }

    private BagOfWordsClassifier(TfIdf features, MultiLayerNetwork network, List<String> classNames,
                                 OutputKind outputKind) {
        this.features = features;
        this.network = network;
        this.classNames = List.copyOf(classNames);
        this.outputKind = outputKind;
    }

    /** @return this classifier scoring the logits of a copy of its network (the TF-IDF columns shared) */
    @Override
    public TextClassifier inLogitSpace() {
        return new BagOfWordsClassifier(features, LogitScoring.withoutSoftmax(network), classNames, OutputKind.LOGIT);
    }

    /** @return softmax probabilities, or logits for the classifier {@link #inLogitSpace()} made */
    @Override
    public OutputKind outputKind() {
        return outputKind;
    }

    /**
     * Trains on a corpus's training documents with the default vocabulary and training options.
     *
     * @param corpus the corpus
     * @return the trained classifier
     */
    public static BagOfWordsClassifier train(Corpus corpus) {
        return train(corpus.train(), corpus.classNames(), DEFAULT_MIN_DOCUMENT_FREQUENCY, DEFAULT_MAX_VOCABULARY,
                DEFAULT_TRAINING);
    }

    /**
     * Trains a classifier.
     *
     * @param documents            the training documents
     * @param classNames           the class names, by label
     * @param minDocumentFrequency a term must occur in this many documents to be in the vocabulary
     * @param maxVocabulary        the most terms kept (the most frequent)
     * @param training             the fitting options
     * @return the trained classifier
     */
    public static BagOfWordsClassifier train(List<LabelledText> documents, List<String> classNames,
                                             int minDocumentFrequency, int maxVocabulary, TrainingOptions training) {
        Objects.requireNonNull(training, "training");
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no training document");
        }
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classNames);
        }
        List<String> texts = Corpus.texts(documents);
        TfIdf tfIdf = new TfIdf(Vocabulary.fit(texts, minDocumentFrequency, maxVocabulary));
        MultiLayerNetwork network = network(tfIdf.vocabulary().size(), classNames.size(), training);
        INDArray x = tfIdf.features(texts);
        NetworkTraining.fit(network, x, Corpus.labels(documents), classNames.size(), training);
        x.close();
        return new BagOfWordsClassifier(tfIdf, network, classNames);
    }

    private static MultiLayerNetwork network(int inputs, int classes, TrainingOptions training) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(training.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(training.learningRate()))
                .l2(training.l2())
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(inputs).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    @Override
    public int classCount() {
        return classNames.size();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public INDArray predict(List<String> texts) {
        if (texts.isEmpty()) {
            return org.nd4j.linalg.factory.Nd4j.zeros(DataType.FLOAT, 0, classNames.size());
        }
        try (INDArray x = features.features(texts)) {
            synchronized (network) {
                return network.output(x, false).detach();
            }
        }
    }

    /** @return the vocabulary (the model's input columns) */
    public Vocabulary vocabulary() {
        return features.vocabulary();
    }

    /** @return the DL4J network (a single softmax layer over the TF-IDF columns) */
    public MultiLayerNetwork network() {
        return network;
    }

    /**
     * The class weights of a term: the softmax layer's row for that column (the model's global
     * view of the term, to compare with local explanations).
     *
     * @param term a term (lower case)
     * @return one weight per class, or null if the term is not in the vocabulary
     */
    public double[] termWeights(String term) {
        int column = vocabulary().indexOf(term);
        if (column < 0) {
            return null;
        }
        return network.getLayer(0).getParam("W").getRow(column).castTo(DataType.DOUBLE).toDoubleVector();
    }

    /**
     * Writes the classifier to one zip file.
     *
     * @param file the file to write
     * @throws IOException if it cannot be written
     */
    public void save(Path file) throws IOException {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("format", FORMAT);
        meta.put("version", 1);
        ArrayNode names = meta.putArray("classNames");
        classNames.forEach(names::add);
        meta.put("terms", "lower-cased runs of >= 2 letters, digits or _");
        meta.put("weighting", "tf-idf, sublinear tf, smoothed idf, l2-normalised rows");
        ArrayNode terms = meta.putArray("vocabulary");
        vocabulary().terms().forEach(terms::add);
        ArrayNode idf = meta.putArray("idf");
        for (double v : vocabulary().idfs()) {
            idf.add(v);
        }
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, net, false);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("model.json"));
            zip.write(JSON.writeValueAsBytes(meta));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("network.zip"));
            zip.write(net.toByteArray());
            zip.closeEntry();
        }
    }

    /**
     * Reads a classifier written by {@link #save(Path)}.
     *
     * @param file the file
     * @return the classifier
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if it is not such a file
     */
    public static BagOfWordsClassifier load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "text model file not found");
        }
        byte[] metaBytes = null;
        byte[] netBytes = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("model.json")) {
                    metaBytes = zip.readAllBytes();
                } else if (entry.getName().equals("network.zip")) {
                    netBytes = zip.readAllBytes();
                }
            }
        }
        if (metaBytes == null || netBytes == null) {
            throw new IllegalArgumentException(file + " is not a Limelight bag-of-words model (model.json and "
                    + "network.zip entries expected)");
        }
        JsonNode meta = JSON.readTree(new String(metaBytes, StandardCharsets.UTF_8));
        if (!FORMAT.equals(meta.path("format").asText())) {
            throw new IllegalArgumentException(file + " has format \"" + meta.path("format").asText() + "\", not "
                    + FORMAT);
        }
        List<String> names = new ArrayList<>();
        meta.get("classNames").forEach(n -> names.add(n.asText()));
        List<String> terms = new ArrayList<>();
        meta.get("vocabulary").forEach(n -> terms.add(n.asText()));
        double[] idf = new double[meta.get("idf").size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = meta.get("idf").get(i).asDouble();
        }
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(netBytes), false);
        long inputs = network.layerInputSize(0);
        if (inputs != terms.size() || network.getLayer(0).getParam("W").columns() != names.size()) {
            throw new IllegalArgumentException(file + ": the network takes " + inputs + " inputs and gives "
                    + network.getLayer(0).getParam("W").columns() + " classes, but the vocabulary has " + terms.size()
                    + " terms and there are " + names.size() + " class names");
        }
        return new BagOfWordsClassifier(new TfIdf(new Vocabulary(terms, idf)), network, names);
    }

    @Override
    public String toString() {
        return "BagOfWordsClassifier[" + vocabulary() + ", classes " + classNames + "]";
    }
}
