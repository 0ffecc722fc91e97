package dev.limelight.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.core.ImageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Reads a DL4J model zip written by {@code ModelSerializer}: its configuration.json says whether it
 * holds a ComputationGraph ({@code "vertices"}) or a MultiLayerNetwork ({@code "confs"}), and the
 * matching {@code restore} method reads it (without the updater state, which inference does not
 * need). The input layout comes from the first image layer's CNN2DFormat (DL4J's default is NCHW);
 * the image size from the zip's {@link ModelCard}, or from a {@code FeedForwardToCnnPreProcessor}
 * in front of the first layer.
 */
final class Dl4jZipImport {

    private Dl4jZipImport() {
    }

    static LoadedNetwork load(Path file, String name) {
        boolean graph;
        ModelCard card;
        boolean normalizer;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry configuration = zip.getEntry(ModelSerializer.CONFIGURATION_JSON);
            if (configuration == null || zip.getEntry(ModelSerializer.COEFFICIENTS_BIN) == null) {
                throw new ModelFileException(file, ModelFileException.Problem.NOT_A_MODEL_FILE, file
                        + " is a zip but not a DL4J model zip (no " + ModelSerializer.CONFIGURATION_JSON + " and "
                        + ModelSerializer.COEFFICIENTS_BIN + "; DL4J writes them with ModelSerializer.writeModel)");
            }
            JsonNode root;
            try (InputStream in = zip.getInputStream(configuration)) {
                root = new ObjectMapper().readTree(in);
            }
            if (root != null && root.has("vertices")) {
                graph = true;
            } else if (root != null && root.has("confs")) {
                graph = false;
            } else {
                throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL, file
                        + ": its configuration.json describes neither a ComputationGraph nor a MultiLayerNetwork");
            }
            card = ModelCard.readFrom(zip, file.toString()).orElse(null);
            normalizer = zip.getEntry(ModelSerializer.NORMALIZER_BIN) != null;
        } catch (ZipException e) {
            throw new ModelFileException(file, ModelFileException.Problem.DAMAGED,
                    file + " is not a readable zip (truncated or damaged?): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException(file, ModelFileException.Problem.DAMAGED,
                    file + " cannot be read as a DL4J model zip: " + e, e);
        }

        Model network;
        try {
            network = graph ? ModelSerializer.restoreComputationGraph(file.toFile(), false)
                    : ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, ModelFileException.Problem.DAMAGED,
                    file + ": DL4J cannot restore the " + (graph ? "ComputationGraph" : "MultiLayerNetwork")
                            + " it holds: " + e, e);
        }
        return describe(network, name, file, ModelFormat.DL4J_ZIP, card, normalizer);
    }

    /**
     * Works out a DL4J network's input from its configuration and card: layout from the first image
     * layer (else the card's, else NCHW), channels from the first convolution (else the card's), size
     * from the card or a FeedForwardToCnnPreProcessor in front of the first layer (0 if unknown).
     */
    static LoadedNetwork describe(Model network, String name, Path file, ModelFormat format, ModelCard card,
            boolean normalizer) {
        int height;
        int width;
        List<NetworkInspection.Step> steps = NetworkInspection.steps(network);
        ImageLayout layout = NetworkInspection.firstImageFormat(steps)
                .map(f -> f == CNN2DFormat.NHWC ? ImageLayout.NHWC : ImageLayout.NCHW)
                .orElse(card != null ? card.input().layout() : ImageLayout.NCHW);
        int channels = NetworkInspection.firstChannels(steps).orElse(card != null ? card.input().channels() : 0);
        if (channels != 1 && channels != 3) {
            throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL, name + " takes "
                    + (channels > 0 ? channels + " channels" : "an input of unknown channel count (no convolution first)")
                    + "; Limelight explains images with 1 (grayscale) or 3 (RGB) channels");
        }
        if (card != null) {
            height = card.input().height();
            width = card.input().width();
        } else {
            int[] size = NetworkInspection.flatInputSize(steps).orElse(new int[] {0, 0});
            height = size[0];
            width = size[1];
        }
        if (card != null && (card.input().channels() != channels || card.input().layout() != layout)) {
            throw new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL, name + ": its model card"
                    + " says " + card.input() + " but the network takes " + channels + " channel(s), " + layout);
        }
        return new LoadedNetwork(network, name, file, format, layout, channels, height, width, card, normalizer);
    }
}
