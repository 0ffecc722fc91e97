package dev.limelight.text.model;

import dev.limelight.core.OutputKind;
import dev.limelight.core.TextClassifier;
import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.models.embeddings.wordvectors.WordVectors;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A text classifier on averaged word vectors: a text is the mean of the vectors of its terms
 * ({@link Terms}; terms without a vector are skipped), scaled to unit length, fed to a small DL4J
 * network (one ReLU hidden layer, softmax output). This is the shape of the LIME paper's "random
 * forest on averaged word2vec" with a DL4J network in place of the forest.
 *
 * <p>The vectors are copied from the {@link WordVectors} at construction (one float array per
 * word), so later changes to the DL4J model (its {@code wordsNearest} rescales vectors in place)
 * do not change this classifier. Predictions are thread-safe.
 */
public final class AveragedVectorsClassifier implements TextClassifier, LogitScoring {

    /** Default training: 40 epochs of batches of 64, Adam 0.005, L2 1e-4, seed 0. */
    public static final TrainingOptions DEFAULT_TRAINING = new TrainingOptions(40, 64, 0.005, 1e-4, 0);

    /** Default hidden layer width: 64. */
    public static final int DEFAULT_HIDDEN = 64;

    private final Map<String, float[]> vectors;
    private final int dimension;
    private final MultiLayerNetwork network;
    private final List<String> classNames;
    private final OutputKind outputKind;

    private AveragedVectorsClassifier(Map<String, float[]> vectors, int dimension, MultiLayerNetwork network,
                                      List<String> classNames) {
        this(vectors, dimension, network, classNames, OutputKind.SOFTMAX);
    }

    private AveragedVectorsClassifier(Map<String, float[]> vectors, int dimension, MultiLayerNetwork network,
                                      List<String> classNames, OutputKind outputKind) {
        this.vectors = vectors;
        this.dimension = dimension;
        this.network = network;
        this.classNames = List.copyOf(classNames);
        this.outputKind = outputKind;
    }

    /** @return this classifier scoring the logits of a copy of its network (the word vectors shared) */
    @Override
    public TextClassifier inLogitSpace() {
        return new AveragedVectorsClassifier(vectors, dimension, LogitScoring.withoutSoftmax(network), classNames,
                OutputKind.LOGIT);
    }

    /** @return softmax probabilities, or logits for the classifier {@link #inLogitSpace()} made */
    @Override
    public OutputKind outputKind() {
        return outputKind;
    }

    /**
     * Trains on a corpus's training documents with the default options.
     *
     * @param corpus  the corpus
     * @param vectors word vectors covering the corpus's terms (e.g. from {@link Word2VecTraining})
     * @return the trained classifier
     */
    public static AveragedVectorsClassifier train(Corpus corpus, WordVectors vectors) {
        return train(corpus.train(), corpus.classNames(), vectors, DEFAULT_HIDDEN, DEFAULT_TRAINING);
    }

    /**
     * Trains a classifier.
     *
     * @param documents  the training documents
     * @param classNames the class names, by label
     * @param vectors    the word vectors (copied)
     * @param hidden     width of the hidden layer, at least 1
     * @param training   the fitting options
     * @return the trained classifier
     */
    public static AveragedVectorsClassifier train(List<LabelledText> documents, List<String> classNames,
                                                  WordVectors vectors, int hidden, TrainingOptions training) {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(training, "training");
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no training document");
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
        }
        Map<String, float[]> copy = new HashMap<>();
        int dimension = vectors.lookupTable().layerSize();
        for (int i = 0; i < vectors.vocab().numWords(); i++) {
            String word = vectors.vocab().wordAtIndex(i);
            double[] v = word == null ? null : vectors.getWordVector(word);
            if (v != null && v.length == dimension) {
                float[] f = new float[v.length];
                for (int j = 0; j < v.length; j++) {
                    f[j] = (float) v[j];
                }
                copy.put(word, f);
            }
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("the word vectors are empty");
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(training.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(training.learningRate()))
                .l2(training.l2())
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(dimension).nOut(hidden).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(hidden).nOut(classNames.size())
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        AveragedVectorsClassifier classifier = new AveragedVectorsClassifier(copy, dimension, network, classNames);
        INDArray x = classifier.features(Corpus.texts(documents));
        NetworkTraining.fit(network, x, Corpus.labels(documents), classNames.size(), training);
        return classifier;
    }

    /**
     * @param texts N texts
     * @return N x dimension unit-length mean vectors (zero rows for texts without a known term)
     */
    public INDArray features(List<String> texts) {
        float[] data = new float[texts.size() * dimension];
        for (int row = 0; row < texts.size(); row++) {
            int known = 0;
            int off = row * dimension;
            for (String term : Terms.of(texts.get(row))) {
                float[] v = vectors.get(term);
                if (v != null) {
                    for (int j = 0; j < dimension; j++) {
                        data[off + j] += v[j];
                    }
                    known++;
                }
            }
            if (known > 0) {
                double norm = 0;
                for (int j = 0; j < dimension; j++) {
                    norm += data[off + j] * data[off + j];
                }
                if (norm > 0) {
                    float scale = (float) (1 / Math.sqrt(norm));
                    for (int j = 0; j < dimension; j++) {
                        data[off + j] *= scale;
                    }
                }
            }
        }
        return Nd4j.create(data, new long[] {texts.size(), dimension}, DataType.FLOAT);
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
            return Nd4j.zeros(DataType.FLOAT, 0, classNames.size());
        }
        try (INDArray x = features(texts)) {
            synchronized (network) {
                return network.output(x, false).detach();
            }
        }
    }

    /** @return the number of words with a vector */
    public int vocabularySize() {
        return vectors.size();
    }

    @Override
    public String toString() {
        return "AveragedVectorsClassifier[" + vectors.size() + " words x " + dimension + ", classes " + classNames
                + "]";
    }
}
