package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.models.fashion.FashionMnist;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The bundled Fashion-MNIST CNN, read from the class path: needs no shared data. */
class BundledModelTest {

    private static NetworkImageClassifier model;

    @BeforeAll
    static void load() {
        model = BundledModels.fashionMnist();
    }

    @Test
    void loadsWithTheInputPresetAndClassNamesOfItsCard() {
        assertEquals(new ImageInput(28, 28, 1, ImageLayout.NCHW), model.input());
        assertEquals(Preprocessing.UNIT, model.preprocessing());
        assertEquals(FashionMnist.CLASS_NAMES, model.classNames());
    }

    @Test
    void itsCardCarriesTheTemperatureItsReadmeDocuments() throws Exception {
        String readme = Files.readString(Path.of("bundled", "README.md"));
        Matcher documented = Pattern.compile("the fitted temperature T = ([0-9.]+)").matcher(readme);
        assertTrue(documented.find(), "models/bundled/README.md states the fitted temperature");
        double temperature = Double.parseDouble(documented.group(1));
        assertEquals(temperature, model.network().card().orElseThrow().temperature(), 5e-4);
    }

    @Test
    void classifiesMostOfItsSampleImagesRight() {
        int n = FashionMnist.CLASS_NAMES.size();
        INDArray batch = Nd4j.create(DataType.FLOAT, n, 1, 28, 28);
        for (int k = 0; k < n; k++) {
            BufferedImage image = BundledModels.fashionMnistSample(k);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    batch.putScalar(new long[] {k, 0, y, x}, image.getRaster().getSample(x, y, 0));
                }
            }
        }

        INDArray predicted = model.predict(batch).argMax(1);

        int right = 0;
        StringBuilder report = new StringBuilder();
        for (int k = 0; k < n; k++) {
            int p = predicted.getInt(k);
            right += p == k ? 1 : 0;
            report.append(FashionMnist.CLASS_NAMES.get(k)).append(" -> ").append(FashionMnist.CLASS_NAMES.get(p))
                    .append("; ");
        }
        System.out.println("bundled model on its 10 sample images: " + right + " right: " + report);
        assertTrue(right >= 8, right + " of 10 right: " + report);
    }
}
