package dev.limelight.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.core.ImageLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;

/**
 * Reads a Keras HDF5 full model with DL4J's Keras import: checks the root attributes first (so a
 * weights-only file or one without {@code keras_version} / {@code backend} gets a clear message
 * instead of an HDF5 error), then imports a Sequential model as a MultiLayerNetwork and a
 * functional one (class {@code Model} or {@code Functional}) as a ComputationGraph. The layers keep
 * their Keras {@code data_format}, so a channels_last model takes NHWC batches.
 */
final class KerasImport {

    private static final Pattern UNSUPPORTED_TYPE = Pattern.compile("Unsupported keras layer type ([A-Za-z0-9_]+)");
    private static final Pattern MISSING_LAMBDA = Pattern.compile("Lambda layer ([^ .]+)");

    private KerasImport() {
    }

    static LoadedNetwork load(Path file, String name) {
        JsonNode config = readModelConfig(file);
        String className = config.path("class_name").asText("");
        if (!List.of("Sequential", "Model", "Functional").contains(className)) {
            throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL, file
                    + ": Keras model class '" + className + "' is not Sequential, Model or Functional");
        }
        Model network;
        // DL4J's KerasModelImport leaves the HDF5 file open for the garbage collector, whose native close
        // can run on another thread during the next import: HDF5 is not thread-safe and fails then
        // ("H5Aget_type failed"). The builder is closed here, on this thread, before anything else reads HDF5.
        try (KerasModelBuilder builder = new KerasModel().modelBuilder().modelHdf5Filename(file.toString())
                .enforceTrainingConfig(false)) {
            network = className.equals("Sequential") ? builder.buildSequential().getMultiLayerNetwork()
                    : builder.buildModel().getComputationGraph();
        } catch (UnsupportedKerasConfigurationException e) {
            throw unsupported(file, config, e);
        } catch (InvalidKerasConfigurationException e) {
            throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL,
                    file + ": DL4J's Keras import rejects its configuration: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelFileException mfe) {
                throw mfe;
            }
            throw new ModelFileException(file, ModelFileException.Problem.DAMAGED,
                    file + ": DL4J's Keras import failed: " + e, e);
        }

        List<NetworkInspection.Step> steps = NetworkInspection.steps(network);
        ImageLayout layout = NetworkInspection.firstImageFormat(steps)
                .map(f -> f == CNN2DFormat.NHWC ? ImageLayout.NHWC : ImageLayout.NCHW)
                .orElse(channelsFirst(config) ? ImageLayout.NCHW : ImageLayout.NHWC);
        int[] shape = inputShape(config).orElse(new int[] {0, 0, 0});
        // shape holds the three non-batch dimensions of batch_input_shape, 0 where Keras says null
        int height = layout == ImageLayout.NHWC ? shape[0] : shape[1];
        int width = layout == ImageLayout.NHWC ? shape[1] : shape[2];
        int channels = layout == ImageLayout.NHWC ? shape[2] : shape[0];
        if (channels <= 0) {
            OptionalInt fromNetwork = NetworkInspection.firstChannels(steps);
            channels = fromNetwork.orElse(0);
        }
        if (channels != 1 && channels != 3) {
            throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL, file + " takes "
                    + (channels > 0 ? channels + " channels" : "an input of unknown channel count")
                    + "; Limelight explains images with 1 (grayscale) or 3 (RGB) channels");
        }
        return new LoadedNetwork(network, name, file, ModelFormat.KERAS_HDF5, layout, channels, height, width, null,
                false);
    }

    /** Checks the root attributes and returns the parsed model_config. */
    private static JsonNode readModelConfig(Path file) {
        Hdf5Structure.requireReadable(file);
        String json;
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute("model_config")) {
                throw new ModelFileException(file, ModelFileException.Problem.WEIGHTS_ONLY, file
                        + " has no model_config attribute: it is a Keras weights-only file (model.save_weights),"
                        + " without the architecture; save the whole model with model.save(\"model.h5\")");
            }
            List<String> missing = new ArrayList<>();
            String version = null;
            if (archive.hasAttribute("keras_version")) {
                version = archive.readAttributeAsString("keras_version").trim();
            } else {
                missing.add("keras_version");
            }
            if (!archive.hasAttribute("backend") && (version == null || version.startsWith("2"))) {
                missing.add("backend");
            }
            if (!missing.isEmpty()) {
                throw new ModelFileException(file, ModelFileException.Problem.MISSING_KERAS_ATTRIBUTES, file
                        + " lacks the root attribute(s) " + String.join(" and ", missing)
                        + " that DL4J's Keras import reads (Keras' model.save writes keras_version and backend);"
                        + " re-save the model with Keras 2: model.save(\"model.h5\")");
            }
            if (!version.startsWith("1") && !version.startsWith("2")) {
                throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL, file
                        + " was written by Keras " + version + "; DL4J 1.0.0-M2.1 imports Keras 1 and 2 models");
            }
            json = archive.readAttributeAsJson("model_config");
        } catch (ModelFileException e) {
            throw e;
        } catch (UnsupportedKerasConfigurationException | RuntimeException e) {
            throw new ModelFileException(file, ModelFileException.Problem.DAMAGED,
                    file + " is an HDF5 file that cannot be read: " + e, e);
        }
        try {
            JsonNode config = new ObjectMapper().readTree(json.trim().replace("\u0000", ""));
            if (config == null || !config.isObject()) {
                throw new IOException("not a JSON object");
            }
            return config;
        } catch (IOException e) {
            throw new ModelFileException(file, ModelFileException.Problem.DAMAGED,
                    file + ": its model_config attribute is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The layer configurations, for Sequential (old and new form) and functional models. */
    private static List<JsonNode> layers(JsonNode config) {
        JsonNode inner = config.path("config");
        JsonNode list = inner.isArray() ? inner : inner.path("layers");
        List<JsonNode> layers = new ArrayList<>();
        list.forEach(layers::add);
        return layers;
    }

    /** The three non-batch dimensions of the input's batch_input_shape (0 for null), if declared. */
    private static Optional<int[]> inputShape(JsonNode config) {
        List<JsonNode> layers = layers(config);
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        JsonNode inputLayer = layers.get(0);
        JsonNode inputNames = config.path("config").path("input_layers");
        if (inputNames.isArray() && inputNames.size() == 1) {
            String inputName = inputNames.get(0).path(0).asText();
            for (JsonNode layer : layers) {
                if (inputName.equals(layer.path("config").path("name").asText(layer.path("name").asText()))) {
                    inputLayer = layer;
                }
            }
        }
        JsonNode shape = inputLayer.path("config").path("batch_input_shape");
        if (!shape.isArray() || shape.size() != 4) {
            return Optional.empty();
        }
        int[] dims = new int[3];
        for (int i = 0; i < 3; i++) {
            JsonNode d = shape.get(i + 1);
            dims[i] = d.isInt() ? d.asInt() : 0;
        }
        return Optional.of(dims);
    }

    private static boolean channelsFirst(JsonNode config) {
        for (JsonNode layer : layers(config)) {
            JsonNode format = layer.path("config").path("data_format");
            if (format.isTextual()) {
                return "channels_first".equals(format.asText());
            }
        }
        return false;
    }

    private static ModelFileException unsupported(Path file, JsonNode config, UnsupportedKerasConfigurationException e) {
        String message = String.valueOf(e.getMessage());
        Matcher type = UNSUPPORTED_TYPE.matcher(message);
        if (type.find()) {
            String kerasClass = type.group(1);
            List<String> names = layers(config).stream()
                    .filter(l -> kerasClass.equals(l.path("class_name").asText()))
                    .map(l -> "'" + l.path("config").path("name").asText(l.path("name").asText("?")) + "'")
                    .collect(Collectors.toList());
            String which = names.isEmpty() ? "a layer" : (names.size() == 1 ? "layer " : "layers ")
                    + String.join(", ", names);
            return new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_LAYER, file + ": " + which
                    + " (Keras class " + kerasClass + ") cannot be imported by DL4J 1.0.0-M2.1's Keras import", e);
        }
        Matcher lambda = MISSING_LAMBDA.matcher(message);
        if (message.contains("Lambda") && lambda.find()) {
            return new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_LAYER, file + ": layer '"
                    + lambda.group(1) + "' (Keras class Lambda) holds Python code, which DL4J cannot import", e);
        }
        return new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_LAYER,
                file + ": DL4J 1.0.0-M2.1's Keras import does not support part of this model: " + message, e);
    }
}
