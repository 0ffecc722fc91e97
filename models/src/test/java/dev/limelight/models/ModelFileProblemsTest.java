package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.models.ModelFileException.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad model file fails with a {@link ModelFileException} that names the file and says
 * what is wrong. The files are made here: none needs the shared data.
 */
class ModelFileProblemsTest {

    /** A Keras 2 Sequential model whose first layer (Rescaling, TF 2.x) DL4J 1.0.0-M2.1 cannot import. */
    private static final String RESCALING_MODEL = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\","
            + " \"layers\": [{\"class_name\": \"Rescaling\", \"config\": {\"name\": \"rescale_pixels\", \"trainable\": true,"
            + " \"batch_input_shape\": [null, 32, 32, 3], \"dtype\": \"float32\", \"scale\": 0.00392156862745098,"
            + " \"offset\": 0.0}}, {\"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten\", \"trainable\": true,"
            + " \"data_format\": \"channels_last\"}}, {\"class_name\": \"Dense\", \"config\": {\"name\": \"scores\","
            + " \"trainable\": true, \"units\": 2, \"activation\": \"softmax\", \"use_bias\": true}}]}}";

    /** The same architecture with a supported first layer, for files that lack attributes. */
    private static final String DENSE_MODEL = RESCALING_MODEL.replace("Rescaling", "Flatten");

    @TempDir
    static Path dir;

    /** How a test file is made. */
    interface Maker {
        Path make(Path file) throws IOException;
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("a missing file", "absent.h5", (Maker) f -> f, Problem.NOT_FOUND, "not found"),
                Arguments.of("a directory", "folder.zip", (Maker) Files::createDirectories, Problem.NOT_FOUND,
                        "not a regular file"),
                Arguments.of("a text file named .h5", "notes.h5",
                        (Maker) f -> Files.writeString(f, "model weights, see the wiki\n"), Problem.NOT_A_MODEL_FILE,
                        "neither a Keras HDF5 file nor a DL4J model zip"),
                Arguments.of("a zip without a DL4J model", "photos.zip", (Maker) ModelFileProblemsTest::plainZip,
                        Problem.NOT_A_MODEL_FILE, "not a DL4J model zip"),
                Arguments.of("a truncated DL4J zip", "cut.zip",
                        (Maker) f -> truncate(Dl4jFixtures.writeTinyCnnZip(f), 0.5), Problem.DAMAGED,
                        "not a readable zip"),
                Arguments.of("a truncated HDF5 file", "cut.h5",
                        (Maker) f -> truncate(Hdf5Fixtures.write(f, attributes(DENSE_MODEL, "2.2.4", "tensorflow"),
                                List.of()), 0.3),
                        Problem.DAMAGED, "says it ends at byte"),
                Arguments.of("a weights-only HDF5 file", "weights.h5",
                        (Maker) f -> Hdf5Fixtures.write(f, attributes(null, "2.2.4", "tensorflow"),
                                List.of("conv2d_1", "dense_1")),
                        Problem.WEIGHTS_ONLY, "weights-only"),
                Arguments.of("a Keras file without keras_version and backend", "bare.h5",
                        (Maker) f -> Hdf5Fixtures.write(f, attributes(DENSE_MODEL, null, null), List.of("model_weights")),
                        Problem.MISSING_KERAS_ATTRIBUTES, "lacks the root attribute(s) keras_version and backend"),
                Arguments.of("a Keras 2 file without backend", "nobackend.h5",
                        (Maker) f -> Hdf5Fixtures.write(f, attributes(DENSE_MODEL, "2.2.4", null), List.of("model_weights")),
                        Problem.MISSING_KERAS_ATTRIBUTES, "lacks the root attribute(s) backend"),
                Arguments.of("a Keras model with a layer DL4J cannot import", "rescaling.h5",
                        (Maker) f -> Hdf5Fixtures.write(f, attributes(RESCALING_MODEL, "2.4.0", "tensorflow"),
                                List.of("model_weights")),
                        Problem.UNSUPPORTED_LAYER, "layer 'rescale_pixels' (Keras class Rescaling)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badModelFileFailsNamingTheFileAndTheProblem(String what, String fileName, Maker maker, Problem problem,
            String fragment) throws IOException {
        Path file = maker.make(dir.resolve(fileName));

        ModelFileException e = assertThrows(ModelFileException.class, () -> ImageModels.load(file));

        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertEquals(file, e.file());
    }

    private static Map<String, String> attributes(String modelConfig, String kerasVersion, String backend) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (modelConfig != null) {
            attributes.put("model_config", modelConfig);
        }
        if (kerasVersion != null) {
            attributes.put("keras_version", kerasVersion);
        }
        if (backend != null) {
            attributes.put("backend", backend);
        }
        return attributes;
    }

    private static Path plainZip(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("holiday.txt"));
            zip.write("not a model".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static Path truncate(Path file, double keep) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * keep)));
        return file;
    }
}
