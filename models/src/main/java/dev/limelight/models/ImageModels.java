package dev.limelight.models;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.core.OutputKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The entry point of the models module: reads a model file and makes an image classifier of it.
 *
 * <p>The kind of file is told from its first bytes ({@link ModelFormat#of(Path)}):
 * <ul>
 *   <li>a Keras HDF5 full model: Sequential models become a DL4J {@code MultiLayerNetwork},
 *       functional ones ({@code Model}, {@code Functional}) a {@code ComputationGraph}, through
 *       DL4J's {@code KerasModelImport}. An imported channels_last model keeps its layout and takes
 *       NHWC batches (rewriting it as channels-first does not work in DL4J 1.0.0-M2.1);</li>
 *   <li>a DL4J model zip ({@code ModelSerializer}): a {@code ComputationGraph} or
 *       {@code MultiLayerNetwork} as its configuration says; DL4J-built networks take NCHW unless
 *       their first image layer says NHWC.</li>
 * </ul>
 * Anything else, and every file DL4J cannot import, fails with a {@link ModelFileException} naming
 * the file and the problem.
 *
 * <p>On the CPU backend with oneDNN natives (the default build), the 2D convolutions of a loaded
 * file run through oneDNN, which DL4J 1.0.0-M2.1 itself never enables: InceptionV3 scores about 4
 * times faster, with the same outputs to float rounding. {@code -Dlimelight.onednn=false} keeps
 * DL4J's own im2col path. A loaded graph is also rewritten for scoring ({@link InferencePlan}: batch
 * normalisation folded into convolutions, activations fused into them, one layout end to end: a
 * Keras NHWC graph then takes NCHW batches). Networks handed to
 * {@link #wrap} are not changed.
 *
 * <pre>{@code
 * NetworkImageClassifier model = ImageModels.load(Path.of("nsfw_mobilenet_v2.h5"),
 *         ModelOptions.builder().preprocessing(Preprocessing.UNIT).build());
 * model.input();                 // 224x224x3 NHWC
 * INDArray p = model.predict(batch);   // batch: N x 224 x 224 x 3, values in [0, 255]
 * }</pre>
 */
public final class ImageModels {

    private ImageModels() {
    }

    /**
     * Loads a model file as a classifier with the default options.
     *
     * @param file a Keras HDF5 full model or a DL4J model zip
     * @return the classifier
     * @throws ModelFileException       if the file cannot be read as a model (see its {@code problem()})
     * @throws IllegalArgumentException if the options do not fit the model
     */
    public static NetworkImageClassifier load(Path file) {
        return load(file, ModelOptions.defaults());
    }

    /**
     * Loads a model file as a classifier.
     *
     * @param file    a Keras HDF5 full model or a DL4J model zip
     * @param options preprocessing, logits, input size, class names, name
     * @return the classifier
     * @throws ModelFileException       if the file cannot be read as a model (see its {@code problem()})
     * @throws IllegalArgumentException if the options do not fit the model (class name count, input
     *                                  size, a preset the channels do not allow)
     */
    public static NetworkImageClassifier load(Path file, ModelOptions options) {
        return classifier(loadNetwork(file, options.name().orElse(null)), options);
    }

    /**
     * Loads a model file as a bare network, without preprocessing or output checks (for networks
     * that are not classifiers, or to run them directly).
     *
     * @param file a Keras HDF5 full model or a DL4J model zip
     * @return the network and what the file says about its input
     * @throws ModelFileException if the file cannot be read as a model
     */
    public static LoadedNetwork loadNetwork(Path file) {
        return loadNetwork(file, null);
    }

    /**
     * Loads a model file's network as written, for training or fine-tuning: without the inference
     * plan's rewrites (batch normalisation stays a layer that learns) and without the oneDNN
     * convolution helpers.
     *
     * @param file a Keras HDF5 full model or a DL4J model zip
     * @return the network and what the file says about its input
     * @throws ModelFileException if the file cannot be read as a model
     */
    public static LoadedNetwork loadForTraining(Path file) {
        return read(file, file.getFileName().toString());
    }

    private static LoadedNetwork read(Path file, String name) {
        return ModelFormat.of(file) == ModelFormat.KERAS_HDF5 ? KerasImport.load(file, name)
                : Dl4jZipImport.load(file, name);
    }

    private static LoadedNetwork loadNetwork(Path file, String name) {
        LoadedNetwork network = read(file, name != null ? name : file.getFileName().toString());
        if (network.network() instanceof ComputationGraph graph) {
            InferencePlan.Result plan = InferencePlan.apply(graph);
            network = network.withNetwork(plan.graph(), plan.channelsFirst() ? ImageLayout.NCHW : network.layout());
        }
        OneDnnConvolutions.install(network.network());
        return network;
    }

    /**
     * Makes a classifier of a network a DL4J program holds in memory (for example one it has just
     * trained). Its input layout and channels are read from its first layers; the size must be in
     * the options unless a {@code FeedForwardToCnnPreProcessor} in front of it fixes it.
     *
     * @param network a {@code MultiLayerNetwork} or {@code ComputationGraph}
     * @param options preprocessing, logits, input size, class names, name (default "network")
     * @return the classifier
     * @throws IllegalArgumentException if the network or the options do not make an image classifier
     */
    public static NetworkImageClassifier wrap(Model network, ModelOptions options) {
        return classifier(Dl4jZipImport.describe(network, options.name().orElse("network"), null, null, null, false),
                options);
    }

    /**
     * Makes a classifier of a loaded network.
     *
     * @param network a network read by {@link #loadNetwork(Path)}
     * @param options preprocessing, logits, input size, class names, name
     * @return the classifier
     * @throws ModelFileException       if the network is not an image classifier (several inputs or
     *                                  outputs, output not a vector) or its input size is unknown
     * @throws IllegalArgumentException if the options do not fit the network
     */
    public static NetworkImageClassifier classifier(LoadedNetwork network, ModelOptions options) {
        String name = options.name().orElse(network.name());
        Path file = network.file().orElse(null);
        Optional<ImageInput> declared = network.declaredInput();
        ImageInput input;
        if (options.hasInputSize()) {
            input = new ImageInput(options.inputHeight(), options.inputWidth(), network.channels(), network.layout());
            if (declared.isPresent() && (declared.get().height() != input.height()
                    || declared.get().width() != input.width())) {
                throw new IllegalArgumentException(name + " takes " + declared.get().height() + "x"
                        + declared.get().width() + " images; the options ask for " + input.height() + "x"
                        + input.width() + " (resize the image instead)");
            }
        } else {
            input = declared.orElseThrow(() -> new ModelFileException(file,
                    ModelFileException.Problem.UNKNOWN_INPUT_SIZE, name + " does not say how large its input images"
                            + " are (fully convolutional, or a DL4J zip without a model card); give the size with"
                            + " ModelOptions.builder().inputSize(height, width)"));
        }
        long outputs = network.outputSize(input);
        OutputKind kind = options.logits() ? OutputKind.SOFTMAX : options.outputKind()
                .orElse(network.declaredOutputKind(outputs).orElse(OutputKind.SOFTMAX));
        boolean oneUnit = kind == OutputKind.SIGMOID || kind == OutputKind.REGRESSION;
        if (oneUnit && outputs != 1) {
            throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL, name + " outputs "
                    + outputs + " values per image; a " + kind.label() + " output is one value");
        }
        if (!oneUnit && (outputs < 2 || outputs > Integer.MAX_VALUE)) {
            throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL, name + " outputs "
                    + outputs + " value(s) per image; a classifier has at least 2 classes (a binary classifier with "
                    + "one unit: declare a sigmoid output; a regression head: declare a regression output)");
        }
        int classCount = kind == OutputKind.SIGMOID ? 2 : (int) outputs;
        Optional<ModelCard> card = network.card();
        if (network.hasNormalizer() && options.preprocessing().isEmpty() && card.isEmpty()) {
            throw new IllegalArgumentException(name + " holds a DL4J normalizer (normalizer.bin), which Limelight"
                    + " does not apply; choose the matching preset with ModelOptions.builder().preprocessing(...)");
        }
        Preprocessing preprocessing = options.preprocessing()
                .orElse(card.map(ModelCard::preprocessing).orElse(Preprocessing.UNIT));
        if (!preprocessing.accepts(input.channels())) {
            throw new IllegalArgumentException(name + " takes " + input.channels() + " channel(s); the "
                    + preprocessing + " preset needs 3 (RGB)");
        }
        List<String> names = options.classNames()
                .orElse(card.map(ModelCard::classNames).orElse(ClassNames.numbered(classCount)));
        ClassNames.requireCount(names, classCount, name);
        return new NetworkImageClassifier(network, name, input, classCount, preprocessing, options.logits(), kind,
                names);
    }
}
