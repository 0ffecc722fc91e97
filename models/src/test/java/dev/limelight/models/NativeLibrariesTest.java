package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The build keeps only linux-x86_64 natives (the -platform artifacts are excluded): the ones
 * model import needs must still load.
 */
class NativeLibrariesTest {

    @Test
    void hdf5NativesForKerasImportLoad() {
        assertNotNull(Loader.load(org.bytedeco.hdf5.global.hdf5.class), "hdf5 natives for Keras import");
    }

    @Test
    void nd4jBackendMultipliesMatrices() {
        INDArray a = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray product = a.mmul(a.transpose());
        assertEquals(DataType.DOUBLE, product.dataType());
        assertEquals(Nd4j.createFromArray(new double[][] {{5, 11}, {11, 25}}), product);
    }
}
