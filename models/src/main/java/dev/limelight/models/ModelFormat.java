package dev.limelight.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The kinds of model file Limelight reads, told apart by their first bytes (never by the file name).
 */
public enum ModelFormat {

    /** A Keras HDF5 file ({@code model.save("x.h5")}): architecture, weights and Keras attributes. */
    KERAS_HDF5,

    /** A DL4J model zip written by {@code ModelSerializer} (MultiLayerNetwork or ComputationGraph). */
    DL4J_ZIP;

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    /** HDF5 looks for its superblock at 0, 512, 1024, 2048, ... (after an optional user block). */
    private static final int[] HDF5_OFFSETS = {0, 512, 1024, 2048, 4096};

    /**
     * Tells which kind of model file {@code file} is.
     *
     * @param file a file
     * @return its format
     * @throws ModelFileException {@link ModelFileException.Problem#NOT_FOUND} if it does not exist or
     *                            is not a regular file, {@link ModelFileException.Problem#NOT_A_MODEL_FILE}
     *                            if it is neither HDF5 nor a zip
     */
    public static ModelFormat of(Path file) {
        if (!Files.exists(file)) {
            throw new ModelFileException(file, ModelFileException.Problem.NOT_FOUND, "model file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, ModelFileException.Problem.NOT_FOUND,
                    "model file is not a regular file: " + file);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HDF5_OFFSETS[HDF5_OFFSETS.length - 1] + HDF5_SIGNATURE.length);
        } catch (IOException e) {
            throw new ModelFileException(file, ModelFileException.Problem.NOT_FOUND,
                    "cannot read model file " + file + ": " + e.getMessage(), e);
        }
        if (startsWith(head, 0, ZIP_SIGNATURE)) {
            return DL4J_ZIP;
        }
        for (int offset : HDF5_OFFSETS) {
            if (startsWith(head, offset, HDF5_SIGNATURE)) {
                return KERAS_HDF5;
            }
        }
        throw new ModelFileException(file, ModelFileException.Problem.NOT_A_MODEL_FILE, file
                + " is neither a Keras HDF5 file nor a DL4J model zip (it starts with bytes "
                + Arrays.toString(Arrays.copyOf(head, Math.min(8, head.length))) + ")");
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
