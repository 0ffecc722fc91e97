package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.DamagedImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * What the command does with bad input, as a table a reviewer can read: every row is a command
 * line, the exit code it must give (0 done, 2 bad input) and a fragment its message must contain.
 * Never a stack trace alone, never a crash.
 */
class BadInputTest {

    @TempDir
    static Path dir;

    record Case(String name, int exitCode, String mentions, String... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path model;
    static Path nanModel;
    static Path linearModel;
    static Path denseModel;

    @BeforeAll
    static void makeModelsAndFiles() throws Exception {
        model = save("model.zip", network(Activation.SOFTMAX, true), false);
        nanModel = save("nan.zip", network(Activation.SOFTMAX, true), true);
        linearModel = save("linear.zip", network(Activation.IDENTITY, true), false);
        denseModel = save("dense.zip", network(Activation.SOFTMAX, false), false);

        write("photo.png", image(40, 30, BufferedImage.TYPE_INT_RGB));
        write("gray.png", image(40, 30, BufferedImage.TYPE_BYTE_GRAY));
        write("rgba.png", image(40, 30, BufferedImage.TYPE_INT_ARGB));
        write("gray16.png", image(40, 30, BufferedImage.TYPE_USHORT_GRAY));
        write("tiny.png", image(1, 1, BufferedImage.TYPE_INT_RGB));
        Files.write(dir.resolve("empty.jpg"), new byte[0]);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image(64, 64, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg.toByteArray(), 300));
        Files.write(dir.resolve("cut-in-scan.jpg"), DamagedImages.cutInsideScanData(DamagedImages.noisyJpeg(128, 96)));
        copyFolder(Path.of("..", "examples", "fashion-mnist-audit"), dir.resolve("audit-with-cut-jpeg"));
        Files.write(dir.resolve("audit-with-cut-jpeg").resolve("2-pullover").resolve("partial-download.jpg"),
                DamagedImages.cutInsideScanData(DamagedImages.noisyJpeg(28, 28)));
        Files.writeString(dir.resolve("notes.png"), "these are notes, not pixels");
        Files.write(dir.resolve("huge.png"), pngHeader(20000, 20000));
        Files.writeString(dir.resolve("not-a-model.h5"), "hello");
        Files.writeString(dir.resolve("three-labels.txt"), "a\nb\nc\n");
        Files.writeString(dir.resolve("tags-bad-line.csv"), "path,tag\n0-t-shirt-top/test-02964.png,indoor\nno comma here\n");
        Files.writeString(dir.resolve("tags-unknown-image.csv"), "9-ankle-boot/not-there.png,odd\n");
    }

    static List<Case> cases() {
        String m = model.toString();
        List<Case> cases = new ArrayList<>(List.of(
                new Case("a colour photo is explained", 0, "wrote", explain(m, "photo.png")),
                new Case("a grayscale PNG is explained", 0, "wrote", explain(m, "gray.png")),
                new Case("an RGBA PNG is explained (alpha dropped)", 0, "wrote", explain(m, "rgba.png")),
                new Case("a 16-bit PNG is explained", 0, "wrote", explain(m, "gray16.png")),
                new Case("a missing image", 2, "not found", explain(m, "no-such.png")),
                new Case("a 0-byte JPEG", 2, "empty", explain(m, "empty.jpg")),
                new Case("a truncated JPEG", 2, "truncated or corrupt", explain(m, "truncated.jpg")),
                new Case("a JPEG cut off inside its scan data", 2, "truncated or corrupt", explain(m, "cut-in-scan.jpg")),
                new Case("an audit lists a JPEG cut off inside its scan data as skipped and goes on", 0,
                        "skipped " + dir.resolve("audit-with-cut-jpeg").toAbsolutePath().normalize()
                                .resolve("2-pullover").resolve("partial-download.jpg") + ": image is truncated or corrupt",
                        "audit", "--model", "../models/bundled/fashion-mnist-cnn.zip", "--data",
                        dir.resolve("audit-with-cut-jpeg").toString(), "--out", dir.resolve("audit-cut").toString(),
                        "--explain", "4", "--samples", "40", "--quiet"),
                new Case("a file in no image format", 2, "not an image format", explain(m, "notes.png")),
                new Case("a 1 x 1 image", 2, "too small", explain(m, "tiny.png")),
                new Case("a 20000 x 20000 image is refused before decoding", 2, "megapixels", explain(m, "huge.png")),
                new Case("a model file that is not a model", 2, "not-a-model.h5", explain(dir.resolve("not-a-model.h5")
                        .toString(), "photo.png")),
                new Case("a missing model file", 2, "no-model.zip", explain(dir.resolve("no-model.zip").toString(),
                        "photo.png")),
                new Case("a model whose input is not an image", 2, "dense.zip", explain(denseModel.toString(), "photo.png")),
                new Case("a model that outputs NaN", 2, "NaN", explain(nanModel.toString(), "photo.png")),
                new Case("a model whose rows do not sum to 1", 2, "--logits", explain(linearModel.toString(), "photo.png")),
                new Case("a labels file with the wrong count", 2, "3 class names given, but model.zip has 2 outputs",
                        with(explain(m, "photo.png"), "--labels",
                        dir.resolve("three-labels.txt").toString())),
                new Case("--samples below 2", 2, "--samples", with(explain(m, "photo.png"), "--samples", "1")),
                new Case("--segments 1", 2, "--segments", with(explain(m, "photo.png"), "--segments", "1")),
                new Case("an unknown segmenter", 2, "unknown segmenter", with(explain(m, "photo.png"), "--segmenter",
                        "quickshift")),
                new Case("an unknown hide mode", 2, "unknown hide mode", with(explain(m, "photo.png"), "--hide", "pink")),
                new Case("a model that does not say its input size", 2, "--input-size", without(explain(m, "photo.png"),
                        "--input-size")),
                new Case("a malformed --input-size", 2, "HEIGHTxWIDTH", with(without(explain(m, "photo.png"),
                        "--input-size"), "--input-size", "big")),
                new Case("an empty text", 2, "empty", text("--string", "")),
                new Case("a whitespace-only text", 2, "whitespace", text("--string", "  \n\t ")),
                new Case("a missing text file", 2, "not found", text("--text", dir.resolve("no-such.txt").toString())),
                new Case("a text model file that is not one", 2, "not a Limelight text model",
                        with(new String[] {"explain-text", "--model", dir.resolve("not-a-model.h5").toString(), "--string",
                            "hello there", "--quiet", "--out", dir.resolve("out-text").toString()})),
                new Case("neighbour replacement without vectors", 2, "--vectors",
                        with(text("--string", "god is love"), "--mode", "neighbour")),
                new Case("an unknown option", 2, "Unknown option", with(explain(m, "photo.png"), "--colour", "red")),
                new Case("an audit on Spark without lime-spark on the class path", 2, "lime-spark",
                        audit("--spark", "local[2]")),
                new Case("an unknown sampling design", 2, "unknown sampling design",
                        with(explain(m, "photo.png"), "--design", "latin")),
                new Case("the antithetic design is explained", 0, "wrote",
                        with(explain(m, "photo.png"), "--design", "antithetic", "--adaptive")),
                new Case("the orthogonal design is explained", 0, "wrote",
                        with(explain(m, "photo.png"), "--design", "orthogonal")),
                new Case("an audit with --stability 0", 2, "stabilityRuns", audit("--stability", "0")),
                new Case("a tags file with a malformed line", 2, "tags-bad-line.csv line 3",
                        audit("--tags", dir.resolve("tags-bad-line.csv").toString())),
                new Case("a tags file naming an image the folder lacks", 2, "9-ankle-boot/not-there.png",
                        audit("--tags", dir.resolve("tags-unknown-image.csv").toString()))));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheExitCodeAndAClearMessage(Case c) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Limelight.run(c.args(), new PrintWriter(out, true), new PrintWriter(err, true));
        String all = out + "\n" + err;
        assertEquals(c.exitCode(), code, c.name() + ": " + all);
        assertTrue(all.contains(c.mentions()), c.name() + " should mention '" + c.mentions() + "': " + all);
        if (c.exitCode() == 2) {
            assertFalse(err.toString().contains("\tat "), "no stack trace for bad input: " + err);
        }
    }

    private static String[] explain(String modelFile, String image) {
        return new String[] {"explain-image", "--model", modelFile, "--image", dir.resolve(image).toString(),
            "--samples", "12", "--batch", "6", "--segments", "8", "--input-size", "16x16", "--quiet", "--out",
            dir.resolve("out-" + image).toString()};
    }

    /** explain-text with the bundled text model (the tests run in lime-cli/, the checkout is one up). */
    private static String[] text(String... input) {
        String[] base = {"explain-text", "--model", Path.of("..", TextModels.BUNDLED).toString(), "--samples", "50",
            "--quiet", "--out", dir.resolve("out-text").toString()};
        return with(base, input);
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static String[] without(String[] args, String option) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option)) {
                i++;
            } else {
                kept.add(args[i]);
            }
        }
        return kept.toArray(new String[0]);
    }

    private static MultiLayerNetwork network(Activation output, boolean convolutional) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(1).list();
        if (convolutional) {
            list.layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.RELU).build());
        }
        list.layer(new DenseLayer.Builder().nOut(4).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(output).build());
        MultiLayerConfiguration conf = list.setInputType(convolutional ? InputType.convolutional(16, 16, 3)
                : InputType.feedForward(10)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** An audit of the bundled Fashion-MNIST CNN over the example folder, with extra arguments. */
    private static String[] audit(String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", "../models/bundled/fashion-mnist-cnn.zip",
                "--data", "../examples/fashion-mnist-audit", "--out", dir.resolve("audit").toString(), "--quiet"));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }

    private static Path save(String name, MultiLayerNetwork net, boolean nan) throws Exception {
        if (nan) {
            net.params().assign(Double.NaN);
        }
        Path file = dir.resolve(name);
        ModelSerializer.writeModel(net, file.toFile(), false);
        return file;
    }

    private static BufferedImage image(int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, 0xff000000 | ((x * 6) << 16) | ((y * 8) << 8) | ((x * y) & 0xff));
            }
        }
        return image;
    }

    private static void write(String name, BufferedImage image) throws Exception {
        ImageIO.write(image, "png", dir.resolve(name).toFile());
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** The PNG signature and an IHDR chunk announcing the size, and nothing else. */
    private static byte[] pngHeader(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] chunk = new byte[4 + 13];
        System.arraycopy("IHDR".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 4);
        putInt(chunk, 4, w);
        putInt(chunk, 8, h);
        chunk[12] = 8;
        chunk[13] = 2;
        byte[] length = new byte[4];
        putInt(length, 0, 13);
        out.writeBytes(length);
        out.writeBytes(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
        return out.toByteArray();
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
