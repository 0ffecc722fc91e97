package dev.limelight.models;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;

/**
 * Walks a Keras HDF5 file in Java (jHDF, a pure-Java HDF5 reader) before the native libhdf5 that
 * DL4J's import uses opens it: every group, every attribute's value and every dataset's data. A
 * damaged file then fails here with an exception, which becomes exit 2; handed to libhdf5 as it
 * is, some damage crashes the process (the fuzz test found a bit-flipped file on which libhdf5's
 * {@code H5HG_read}, reading the {@code model_config} attribute, dies with SIGSEGV). The superblock
 * is checked first ({@link Hdf5Superblock}), for a clearer message when the file is cut short.
 */
public final class Hdf5Structure {

    private Hdf5Structure() {
    }

    /**
     * @param file a Keras HDF5 file
     * @throws ModelFileException ({@code DAMAGED}) when its structure cannot be read
     */
    public static void requireReadable(Path file) {
        Hdf5Superblock.requireWhole(file);
        try (HdfFile hdf = new HdfFile(file)) {
            walk(hdf);
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ModelFileException(file, ModelFileException.Problem.DAMAGED, file + " is an HDF5 file whose "
                    + "structure is damaged (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("")) + "): not read any further", e);
        }
    }

    private static void walk(Node node) {
        for (Attribute attribute : node.getAttributes().values()) {
            attribute.getData();
        }
        if (node instanceof Dataset dataset) {
            dataset.getData();
        } else if (node instanceof Group group && !node.isLink()) {
            for (Node child : group) {
                walk(child);
            }
        }
    }
}
