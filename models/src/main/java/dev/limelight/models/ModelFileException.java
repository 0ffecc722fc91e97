package dev.limelight.models;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model file that cannot be turned into a classifier: missing, of an unknown kind, damaged, a
 * Keras weights-only file, a Keras file without the attributes DL4J's import reads, or a model with a
 * layer DL4J cannot import. The message names the file and the problem; {@link #problem()} says which
 * problem it is, for callers that react differently (the command line maps them all to exit code 2,
 * as it does every {@link IllegalArgumentException}).
 */
public class ModelFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with a model file. */
    public enum Problem {
        /** The file does not exist or is not a regular file. */
        NOT_FOUND,
        /** Neither an HDF5 file nor a zip, or a zip that is not a DL4J model zip. */
        NOT_A_MODEL_FILE,
        /** A truncated or otherwise unreadable HDF5 file or zip. */
        DAMAGED,
        /** A Keras HDF5 file holding weights only (saved with {@code save_weights}), no architecture. */
        WEIGHTS_ONLY,
        /** A Keras HDF5 file lacking the root attributes {@code keras_version} or {@code backend}. */
        MISSING_KERAS_ATTRIBUTES,
        /** A layer DL4J 1.0.0-M2.1 cannot import (the message names the layer and its class). */
        UNSUPPORTED_LAYER,
        /** A model DL4J reads but Limelight cannot use as an image classifier (several inputs, ...). */
        UNSUPPORTED_MODEL,
        /** The file does not say how large its input images are, and the options do not either. */
        UNKNOWN_INPUT_SIZE
    }

    private final transient Path file;
    private final Problem problem;

    /**
     * @param file    the model file
     * @param problem what is wrong
     * @param message the full message, naming the file
     */
    public ModelFileException(Path file, Problem problem, String message) {
        this(file, problem, message, null);
    }

    /**
     * @param file    the model file
     * @param problem what is wrong
     * @param message the full message, naming the file
     * @param cause   the underlying failure, or null
     */
    public ModelFileException(Path file, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** @return the model file the message is about (null for a network that came from no file) */
    public Path file() {
        return file;
    }

    /** @return which problem this is */
    public Problem problem() {
        return problem;
    }
}
