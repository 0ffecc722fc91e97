package dev.limelight.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * An audit's classifying pass on disk, so that an interrupted audit continues where it stopped: one
 * line of JSON per batch of {@link ImageObservation}s, appended and forced to disk as each batch is
 * done, under {@code OUT/}{@value #DIR}. A run killed while appending leaves a last line that does
 * not parse; resuming drops it and classifies that batch again. Batches keep their boundaries, so
 * the model sees the same batches as in an uninterrupted run and gives the same outputs bit for bit;
 * the explanations, seeded per image, are made again after the pass.
 *
 * <p>The checkpoint belongs to one audit: its {@code fingerprint} (the model, the images, the
 * options) is the first line, and a checkpoint with another fingerprint is refused.
 */
public final class AuditCheckpoint {

    /** The checkpoint's folder inside the audit's output folder. */
    public static final String DIR = ".checkpoint";
    /** The file of the observations inside it. */
    public static final String FILE = "observations.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private AuditCheckpoint(Path file) {
        this.file = file;
    }

    /** @return a checkpoint that keeps nothing (an audit that cannot be resumed) */
    public static AuditCheckpoint none() {
        return new AuditCheckpoint(null);
    }

    /**
     * @param out the audit's output folder
     * @return the checkpoint kept in it
     */
    public static AuditCheckpoint in(Path out) {
        return new AuditCheckpoint(out.resolve(DIR).resolve(FILE));
    }

    /**
     * A digest of what decides an audit's observations: the model, the images in order, and the
     * options that change what the classifying pass computes.
     *
     * @param modelName the model's name
     * @param output    the probabilities the model gives ({@code classifier.explainedOutput()}, which
     *                  names a calibration)
     * @param folder    the decodable images
     * @param options   the audit options
     * @return the fingerprint
     */
    public static String fingerprint(String modelName, Object output, LabelledFolder folder, AuditOptions options) {
        StringBuilder text = new StringBuilder().append(modelName).append('\n').append(output).append('\n')
                .append(folder.root().toAbsolutePath().normalize()).append('\n').append(options.batchSize())
                .append(' ').append(options.embeddings()).append('\n');
        for (LabelledImage image : folder.images()) {
            text.append(folder.relativePath(image)).append(' ').append(image.classIndex()).append(' ')
                    .append(size(image.path())).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** @return whether a checkpoint file exists */
    public boolean exists() {
        return file != null && Files.isRegularFile(file);
    }

    /**
     * Opens the checkpoint of an audit: the observations already made, whole batches in order (the
     * file is cut back to them: a batch half-written when the run was killed is dropped), or, when
     * there is no checkpoint yet, a new one.
     *
     * @param fingerprint what identifies the audit ({@link #fingerprint})
     * @return the observations made, empty for a new checkpoint
     * @throws IllegalArgumentException when the checkpoint is another audit's
     */
    public List<ImageObservation> open(String fingerprint) {
        if (file == null) {
            return List.of();
        }
        if (!exists()) {
            write(jsonLine(fingerprint));
            return List.of();
        }
        try {
            // only whole lines count: a line without its newline was being written when the run stopped
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.indexOf('\n') < 0) {
                clear();
                write(jsonLine(fingerprint));
                return List.of();
            }
            List<String> lines = List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"));
            if (lines.isEmpty() || !lines.get(0).equals(JSON.writeValueAsString(fingerprint))) {
                throw new IllegalArgumentException("the checkpoint in " + file.getParent() + " was made by another audit "
                        + "(another model, folder or options): run without --resume to start over");
            }
            List<ImageObservation> observations = new ArrayList<>();
            long kept = lines.get(0).getBytes(StandardCharsets.UTF_8).length + 1L;
            for (String line : lines.subList(1, lines.size())) {
                ImageObservation[] batch;
                try {
                    batch = JSON.readValue(line, ImageObservation[].class);
                } catch (JsonProcessingException e) {
                    break;
                }
                observations.addAll(List.of(batch));
                kept += line.getBytes(StandardCharsets.UTF_8).length + 1L;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(kept);
            }
            return observations;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file, e);
        }
    }

    /** Appends one batch of observations and forces it to disk. */
    public void append(List<ImageObservation> batch) {
        if (file != null) {
            write(jsonLine(batch));
        }
    }

    /** Removes the checkpoint (the audit is written, or it is to start over). */
    public void clear() {
        if (file == null || !Files.exists(file.getParent())) {
            return;
        }
        try (Stream<Path> paths = Files.walk(file.getParent())) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the checkpoint " + file.getParent(), e);
        }
    }

    private static String jsonLine(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an observation that does not serialise", e);
        }
    }

    private void write(String line) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file, e);
        }
    }
}
