package dev.limelight.models;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;
import static org.bytedeco.hdf5.global.hdf5.H5S_SCALAR;
import static org.bytedeco.hdf5.global.hdf5.H5T_VARIABLE;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Writes small HDF5 files the way h5py writes Keras' root attributes (scalar variable-length
 * strings), for tests of files that are not valid Keras models.
 */
final class Hdf5Fixtures {

    private Hdf5Fixtures() {
    }

    /**
     * @param file       the file to (over)write
     * @param attributes root string attributes, in order
     * @param groups     empty groups to create under the root
     * @return {@code file}
     */
    static Path write(Path file, Map<String, String> attributes, List<String> groups) {
        Loader.load(org.bytedeco.hdf5.global.hdf5.class);
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC());
            StrType type = new StrType(PredType.C_S1(), H5T_VARIABLE());
            DataSpace scalar = new DataSpace(H5S_SCALAR);
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                Attribute attribute = h5.createAttribute(e.getKey(), type, scalar);
                attribute.write(type, e.getValue());
                attribute.deallocate();
            }
            for (String name : groups) {
                Group group = h5.createGroup(name);
                group.deallocate();
            }
            scalar.deallocate();
            type.deallocate();
            h5.close();
            h5.deallocate();
        }
        return file;
    }
}
