package dev.limelight.spark;

import dev.limelight.models.ImageModels;
import dev.limelight.core.ImageClassifier;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.calibration.Temperature;
import dev.limelight.models.NetworkImageClassifier;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model file's bytes, how to read them and the temperature its probabilities are scaled by (if
 * any), sent to the executors as one broadcast: executors
 * never need the driver's file system for the model, and no model travels with a task or a row. On
 * an executor the bytes are written once per JVM to a temporary file (named by their SHA-256, so
 * two models never mix) from which each partition loads its own classifier instance.
 */
public final class ShippedModel implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Path> WRITTEN = new ConcurrentHashMap<>();

    private final String fileName;
    private final byte[] bytes;
    private final String sha256;
    private final ModelOptions options;
    private final Temperature temperature;

    private ShippedModel(String fileName, byte[] bytes, ModelOptions options, Temperature temperature) {
        this.fileName = fileName;
        this.bytes = bytes;
        this.sha256 = sha256(bytes);
        this.options = options;
        this.temperature = temperature;
    }

    /**
     * Reads a model file for shipping, with the temperature the executors scale its probabilities by.
     *
     * @param temperature null: the probabilities as they are
     * @throws UncheckedIOException if it cannot be read
     */
    public static ShippedModel of(Path file, ModelOptions options, Temperature temperature) {
        Objects.requireNonNull(options, "options");
        try {
            return new ShippedModel(file.getFileName().toString(), Files.readAllBytes(file), options, temperature);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + file, e);
        }
    }

    /** @return the model file's name (its extension tells the format) */
    public String fileName() {
        return fileName;
    }

    /** @return the file's size in bytes */
    public long size() {
        return bytes.length;
    }

    /** @return the file's SHA-256, in hex */
    public String sha256() {
        return sha256;
    }

    /**
     * @param network a network {@link #load()} loaded
     * @return what the audit scores: the network, or the network at the shipped temperature
     */
    public ImageClassifier scoring(NetworkImageClassifier network) {
        return temperature == null ? network : temperature.applyTo(network);
    }

    /** Loads a new classifier from the shipped bytes (written to this JVM's temporary folder once). */
    public NetworkImageClassifier load() {
        Path file = WRITTEN.computeIfAbsent(sha256, digest -> {
            try {
                Path dir = Files.createTempDirectory("limelight-model-" + digest.substring(0, 12));
                Path written = Files.write(dir.resolve(fileName), bytes);
                written.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the shipped model to a temporary file", e);
            }
        });
        return ImageModels.load(file, options);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
