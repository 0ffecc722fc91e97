package dev.limelight.benchmarks.image;

import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.core.MatrixRows;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A study tool: remembers the classifier's answer for every image it has scored (keyed by a 128-bit
 * hash of the pixels) and answers a batch whose images it has all seen without calling the model.
 * Explaining the same photo twice with the same seed then costs the model calls once; the results
 * are the ones the model gave. {@link #modelCalls()} counts the images the model really scored.
 * With a file, answers are appended to it as they come and read back on the next run, so a study
 * can be re-run (other stopping rules, other statistics) without the model's time.
 */
final class MemoizingClassifier implements ImageClassifier {

    private final ImageClassifier delegate;
    private final Map<Key, double[]> answers = new HashMap<>();
    private final Path file;
    private long modelCalls;

    /**
     * @param delegate the model
     * @param file     where answers are kept between runs (created if missing), or null for none
     */
    MemoizingClassifier(ImageClassifier delegate, Path file) throws IOException {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.file = file;
        if (file != null && Files.exists(file)) {
            int k = delegate.classCount();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                while (in.available() > 0) {
                    Key key = new Key(in.readLong(), in.readLong());
                    double[] row = new double[k];
                    for (int j = 0; j < k; j++) {
                        row[j] = in.readDouble();
                    }
                    answers.put(key, row);
                }
            } catch (EOFException truncated) {
                // a run stopped mid-write: keep the complete answers
            }
        }
    }

    /** @return answers known so far (read from the file or scored in this run) */
    int known() {
        return answers.size();
    }

    @Override
    public ImageInput input() {
        return delegate.input();
    }

    @Override
    public int classCount() {
        return delegate.classCount();
    }

    @Override
    public List<String> classNames() {
        return delegate.classNames();
    }

    /** @return images scored by the model itself so far */
    long modelCalls() {
        return modelCalls;
    }

    @Override
    public INDArray predict(INDArray batch) {
        int n = (int) batch.size(0);
        float[] pixels = batch.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int perImage = pixels.length / n;
        Key[] keys = new Key[n];
        boolean allSeen = true;
        for (int i = 0; i < n; i++) {
            keys[i] = Key.of(pixels, i * perImage, perImage);
            allSeen &= answers.containsKey(keys[i]);
        }
        double[][] rows = new double[n][];
        if (allSeen) {
            for (int i = 0; i < n; i++) {
                rows[i] = answers.get(keys[i]);
            }
        } else {
            rows = MatrixRows.of(delegate.predict(batch));
            modelCalls += n;
            for (int i = 0; i < n; i++) {
                answers.put(keys[i], rows[i]);
            }
            append(keys, rows);
        }
        return Nd4j.createFromArray(rows);
    }

    private void append(Key[] keys, double[][] rows) {
        if (file == null) {
            return;
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
            for (int i = 0; i < keys.length; i++) {
                out.writeLong(keys[i].a());
                out.writeLong(keys[i].b());
                for (double v : rows[i]) {
                    out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Two independent 64-bit hashes of one image's pixels. */
    private record Key(long a, long b) {

        static Key of(float[] pixels, int from, int length) {
            long a = 0xcbf29ce484222325L;
            long b = 17;
            for (int i = from; i < from + length; i++) {
                int bits = Float.floatToRawIntBits(pixels[i]);
                a = (a ^ bits) * 0x100000001b3L;
                b = 31 * b + bits;
            }
            return new Key(a, b);
        }
    }
}
