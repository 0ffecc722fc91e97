package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged versions of every input the commands read, each run through the command that reads it:
 * images (cut at seeded offsets, bits flipped, a wrong extension, zero and huge dimensions), model
 * zips and Keras HDF5 files (cut, bits flipped), labels, calibration, neighbourhood, suite and tags
 * files (cut, bits flipped, garbage). Every case must end with exit 0 (the damage left a valid
 * input: a flipped weight is still a model) or the command's failure code, or exit 2 with a
 * one-line message; never an unhandled error (exit 1 with a stack trace), and within 60 seconds.
 * The set is seeded ({@code limelight.fuzz.seed}, default 1) and scaled by
 * {@code limelight.fuzz.rounds} (default 1: about 50 cases, under a minute on 2 cores); a longer
 * run: {@code mvn -pl lime-cli test -Dtest=InputFuzzTest -Dlimelight.fuzz.rounds=20}.
 */
class InputFuzzTest {

    private static final String MODEL = "../models/bundled/fashion-mnist-cnn.zip";
    private static final Path DRESS = Path.of("../models/bundled/images/3-dress.png");
    private static final long SEED = Long.getLong("limelight.fuzz.seed", 1);
    private static final int ROUNDS = Integer.getInteger("limelight.fuzz.rounds", 1);

    @TempDir
    static Path dir;

    private static Path folder;
    private static Path goodSuite;

    /** One damaged input and the command that reads it. */
    private static final Path PENGUINS = Path.of("..", "examples", "tabular", "penguins");

    record Case(String name, List<String> args, Set<Integer> codes) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void smallFolder() throws IOException {
        folder = Files.createDirectories(dir.resolve("folder"));
        try (Stream<Path> classes = Files.list(Path.of("../examples/fashion-mnist-audit"))) {
            for (Path c : classes.sorted().toList()) {
                Path target = Files.createDirectories(folder.resolve(c.getFileName()));
                try (Stream<Path> images = Files.list(c)) {
                    Path first = images.sorted().findFirst().orElseThrow();
                    Files.copy(first, target.resolve(first.getFileName()));
                }
            }
        }
        goodSuite = Files.writeString(dir.resolve("suite.yaml"), """
                seed: 0
                tests:
                  - {name: accuracy, type: threshold, metric: accuracy, min: 0.5}
                  - name: brighter
                    type: invariance
                    transformation: {kind: brightness, amount: 15}
                    minUnchanged: 0.5
                """);
    }

    static Stream<Case> cases() throws IOException {
        if (folder == null) {
            smallFolder();
        }
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        byte[] png = Files.readAllBytes(DRESS);
        byte[] jpeg = jpegOf(DRESS);
        for (int round = 0; round < ROUNDS; round++) {
            for (String kind : List.of("png", "jpg")) {
                byte[] image = kind.equals("png") ? png : jpeg;
                for (int k = 0; k < 5; k++) {
                    int at = 1 + random.nextInt(image.length - 1);
                    cases.add(explainImage("a " + kind + " cut at byte " + at, write("cut" + round + k + "." + kind,
                            Arrays.copyOf(image, at))));
                }
                for (int k = 0; k < 3; k++) {
                    int flips = 1 + random.nextInt(8);
                    cases.add(explainImage("a " + kind + " with " + flips + " bits flipped", write("flip" + round + k
                            + "." + kind, flip(image, flips, random))));
                }
            }
            cases.add(modelCase("a model zip cut at a random byte", "cut", "zip", random, true));
            cases.add(modelCase("a model zip with bits flipped", "flip", "zip", random, false));
            cases.add(modelCase("a model zip cut at a random byte", "cut2", "zip", random, true));
            cases.add(modelCase("a model zip with bits flipped", "flip2", "zip", random, false));
            Path h5 = keras();
            if (h5 != null) {
                for (int k = 0; k < 2; k++) {
                    cases.add(kerasCase("a Keras file cut at a random byte", h5, "h5cut" + round + k,
                            b -> Arrays.copyOf(b, 1 + random.nextInt(b.length - 1))));
                    cases.add(kerasCase("a Keras file with bits flipped", h5, "h5flip" + round + k,
                            b -> flip(b, 1 + random.nextInt(32), random)));
                }
            }
            byte[] labels = String.join("\n", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                    "Shirt", "Sneaker", "Bag", "Ankle boot")).getBytes(StandardCharsets.UTF_8);
            cases.add(withLabels("a labels file cut short", write("labels-cut" + round + ".txt",
                    Arrays.copyOf(labels, 1 + random.nextInt(labels.length - 1)))));
            cases.add(withLabels("a labels file with bits flipped", write("labels-flip" + round + ".txt",
                    flip(labels, 4, random))));
            cases.add(withLabels("a labels file of random bytes", write("labels-noise" + round + ".txt",
                    noise(200, random))));
            byte[] calibration = ("{\"method\":\"temperature\",\"temperature\":1.3,\"classCount\":10,\"images\":60,"
                    + "\"model\":\"m\",\"eceBefore\":0.05,\"eceAfter\":0.04}").getBytes(StandardCharsets.UTF_8);
            cases.add(withCalibration("a calibration file cut short", write("cal-cut" + round + ".json",
                    Arrays.copyOf(calibration, 1 + random.nextInt(calibration.length - 1)))));
            cases.add(withCalibration("a calibration file with bits flipped", write("cal-flip" + round + ".json",
                    flip(calibration, 3, random))));
            byte[] neighbourhood = Files.readAllBytes(Path.of("../examples/neighbourhood_image_like_1000x20.json"));
            for (int k = 0; k < 2; k++) {
                cases.add(new Case("a neighbourhood file cut short", List.of("explain-neighbourhood",
                        write("nb-cut" + round + k + ".json", Arrays.copyOf(neighbourhood,
                                1 + random.nextInt(neighbourhood.length - 1))).toString()), Set.of(0, 2)));
                cases.add(new Case("a neighbourhood file with bits flipped", List.of("explain-neighbourhood",
                        write("nb-flip" + round + k + ".json", flip(neighbourhood, 1 + random.nextInt(16), random))
                                .toString()), Set.of(0, 2)));
            }
            byte[] suite = Files.readAllBytes(goodSuite);
            cases.add(suiteCase("a suite cut short", write("suite-cut" + round + ".yaml",
                    Arrays.copyOf(suite, 1 + random.nextInt(suite.length - 1)))));
            cases.add(suiteCase("a suite with bits flipped", write("suite-flip" + round + ".yaml",
                    flip(suite, 1 + random.nextInt(6), random))));
            cases.add(suiteCase("a suite of random bytes", write("suite-noise" + round + ".yaml", noise(300, random))));
            String path = "3-dress/" + first(folder.resolve("3-dress"));
            byte[] tags = (path + ",striped\n" + path + ",studio\n").getBytes(StandardCharsets.UTF_8);
            cases.add(tagsCase("a tags file with bits flipped", write("tags-flip" + round + ".csv",
                    flip(tags, 1 + random.nextInt(4), random))));
            cases.add(tagsCase("a tags file of random bytes", write("tags-noise" + round + ".csv", noise(120, random))));
            byte[] table = Files.readAllBytes(PENGUINS.resolve("penguins.csv"));
            cases.add(rowCase("a table cut short", write("table-cut" + round + ".csv",
                    Arrays.copyOf(table, 1 + random.nextInt(table.length - 1))), null, null));
            cases.add(rowCase("a table with bits flipped", write("table-flip" + round + ".csv",
                    flip(table, 1 + random.nextInt(8), random)), null, null));
            cases.add(rowCase("a table of random bytes", write("table-noise" + round + ".csv", noise(400, random)),
                    null, null));
            byte[] schema = Files.readAllBytes(PENGUINS.resolve("schema.json"));
            cases.add(rowCase("a schema cut short", null, write("schema-cut" + round + ".json",
                    Arrays.copyOf(schema, 1 + random.nextInt(schema.length - 1))), null));
            cases.add(rowCase("a schema with bits flipped", null, write("schema-flip" + round + ".json",
                    flip(schema, 1 + random.nextInt(4), random)), null));
            byte[] tableModel = Files.readAllBytes(PENGUINS.resolve("model.zip"));
            cases.add(rowCase("a table model zip cut at a random byte", null, null, write("row-model-cut" + round
                    + ".zip", Arrays.copyOf(tableModel, 1 + random.nextInt(tableModel.length - 1)))));
            cases.add(rowCase("a table model zip with bits flipped", null, null, write("row-model-flip" + round
                    + ".zip", flip(tableModel, 1 + random.nextInt(16), random))));
        }
        cases.add(explainImage("a PNG named .jpg", write("named.jpg", png)));
        cases.add(explainImage("a JPEG named .png", write("named.png", jpeg)));
        cases.add(explainImage("a text file named .png", write("text.png",
                "not an image".getBytes(StandardCharsets.UTF_8))));
        cases.add(explainImage("a PNG announcing 100000 x 100000 pixels", write("huge.png", withSize(png, 100_000,
                100_000))));
        cases.add(explainImage("a PNG announcing 0 x 28 pixels", write("zero.png", withSize(png, 0, 28))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDamagedInputEndsInAnExitCodeAndAMessageNeverACrash(Case c) {
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Limelight.run(c.args().toArray(String[]::new),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)), c.name());
        assertTrue(c.codes().contains(code), c.name() + ": exit " + code + ", " + err);
        if (code == Limelight.BAD_INPUT) {
            String message = err.toString().strip();
            assertTrue(message.startsWith("limelight: ") && !message.contains("\tat "), c.name() + ": " + message);
        }
    }

    private static Case explainImage(String name, Path image) {
        return new Case(name, List.of("explain-image", "--model", MODEL, "--image", image.toString(), "--out",
                dir.resolve("out").toString(), "--samples", "20", "--segments", "8", "--top-labels", "1", "--quiet"),
                Set.of(0, 2));
    }

    private static Case modelCase(String name, String file, String kind, Random random, boolean cut) throws IOException {
        byte[] model = Files.readAllBytes(Path.of(MODEL));
        byte[] damaged = cut ? Arrays.copyOf(model, 1 + random.nextInt(model.length - 1))
                : flip(model, 1 + random.nextInt(16), random);
        return new Case(name, List.of("explain-image", "--model", write(file + "." + kind, damaged).toString(), "--image",
                DRESS.toString(), "--out", dir.resolve("out").toString(), "--samples", "20", "--segments", "8",
                "--top-labels", "1", "--quiet"), Set.of(0, 2));
    }

    private static Path keras() {
        String data = System.getProperty("limelight.data.dir");
        Path file = data == null ? null : Path.of(data, "models", "keras-fixtures", "cnn_batch_norm.h5");
        return file != null && Files.isRegularFile(file) ? file : null;
    }

    private static Case kerasCase(String name, Path h5, String file, Function<byte[], byte[]> damage) throws IOException {
        return new Case(name, List.of("explain-image", "--model", write(file + ".h5",
                damage.apply(Files.readAllBytes(h5))).toString(), "--image", DRESS.toString(), "--out",
                dir.resolve("out").toString(), "--samples", "20", "--segments", "4", "--top-labels", "1", "--quiet"),
                Set.of(0, 2));
    }

    private static Case withLabels(String name, Path labels) {
        return new Case(name, List.of("explain-image", "--model", MODEL, "--labels", labels.toString(), "--image",
                DRESS.toString(), "--out", dir.resolve("out").toString(), "--samples", "20", "--segments", "8",
                "--top-labels", "1", "--quiet"), Set.of(0, 2));
    }

    private static Case withCalibration(String name, Path calibration) {
        return new Case(name, List.of("explain-image", "--model", MODEL, "--calibration", calibration.toString(),
                "--image", DRESS.toString(), "--out", dir.resolve("out").toString(), "--samples", "20", "--segments",
                "8", "--top-labels", "1", "--quiet"), Set.of(0, 2));
    }

    private static Case suiteCase(String name, Path suite) {
        return new Case(name, List.of("test", "--model", MODEL, "--data", folder.toString(), "--suite",
                suite.toString(), "--out", dir.resolve("tests").toString(), "--quiet"), Set.of(0, 1, 2));
    }

    private static Case tagsCase(String name, Path tags) {
        return new Case(name, List.of("audit", "--model", MODEL, "--data", folder.toString(), "--tags", tags.toString(),
                "--explain", "1", "--samples", "20", "--out", dir.resolve("audit").toString(), "--quiet"),
                Set.of(0, 2));
    }

    /** explain-row on the bundled penguins example with one of its three files replaced (null: the example's). */
    private static Case rowCase(String name, Path table, Path schema, Path model) {
        return new Case(name, List.of("explain-row", "--model", (model != null ? model
                : PENGUINS.resolve("model.zip")).toString(), "--data", (table != null ? table
                : PENGUINS.resolve("penguins.csv")).toString(), "--schema", (schema != null ? schema
                : PENGUINS.resolve("schema.json")).toString(), "--row", "0", "--samples", "50", "--out",
                dir.resolve("row").toString(), "--quiet"), Set.of(0, 2));
    }

    private static String first(Path classFolder) throws IOException {
        try (Stream<Path> files = Files.list(classFolder)) {
            return files.findFirst().orElseThrow().getFileName().toString();
        }
    }

    private static byte[] jpegOf(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static byte[] flip(byte[] bytes, int flips, Random random) {
        byte[] out = bytes.clone();
        for (int i = 0; i < flips; i++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private static byte[] noise(int length, Random random) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    /** The PNG with its header's width and height replaced (and the header's CRC made right again). */
    private static byte[] withSize(byte[] png, int width, int height) {
        byte[] out = png.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(out, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return out;
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
