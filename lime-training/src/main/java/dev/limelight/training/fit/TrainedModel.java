package dev.limelight.training.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.models.ModelCard;
import dev.limelight.models.calibration.ReliabilityBins;
import dev.limelight.models.calibration.ReliabilityDiagram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A network trained by {@link ImageTrainer}, with its model card and what the training measured.
 *
 * @param network            the trained network
 * @param card               its card: input, preprocessing, class names, fitted temperature
 * @param options            how it was trained
 * @param history            one record per epoch
 * @param trainCount         images trained on
 * @param validationCount    images held out
 * @param validationAccuracy accuracy on the held-out images (NaN without them)
 * @param before             the held-out images' reliability bins, uncalibrated (null without them)
 * @param after              the same with the fitted temperature (null without them)
 * @param seconds            wall time of the epochs
 */
public record TrainedModel(Model network, ModelCard card, TrainingOptions options,
                           List<ImageTrainer.EpochRecord> history, int trainCount, int validationCount,
                           double validationAccuracy, ReliabilityBins before, ReliabilityBins after, double seconds) {

    /** The model file written into the output folder. */
    public static final String MODEL_FILE = "model.zip";
    /** The figures written beside it. */
    public static final String TRAINING_FILE = "training.json";
    /** The reliability diagram of the held-out images, before and after the temperature. */
    public static final String RELIABILITY_FILE = "reliability.png";

    /** Copies the history. */
    public TrainedModel {
        history = List.copyOf(history);
    }

    /**
     * Writes {@value #MODEL_FILE} (the DL4J zip, without updater state, with the card inside),
     * {@value #TRAINING_FILE} and, with validation images, {@value #RELIABILITY_FILE}.
     *
     * @param out the output folder (created)
     * @return the model file
     */
    public Path write(Path out) throws IOException {
        Files.createDirectories(out);
        Path model = writeModel(network, card, out.resolve(MODEL_FILE));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(out.resolve(TRAINING_FILE), json.writeValueAsString(summary()));
        if (before != null) {
            Path png = out.resolve(RELIABILITY_FILE);
            AtomicFiles.write(png, stream -> {
                Path temporary = Files.createTempFile(out, ".reliability", ".png");
                try {
                    ReliabilityDiagram.of(new ReliabilityDiagram.Panel("validation, uncalibrated", before),
                            new ReliabilityDiagram.Panel(String.format(Locale.ROOT, "calibrated, T = %.3f",
                                    card.temperature()), after)).writePng(temporary);
                    Files.copy(temporary, stream);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            });
        }
        return model;
    }

    /**
     * Writes a network as a DL4J zip (without updater state) with a model card inside, in one step.
     *
     * @return {@code file}
     */
    public static Path writeModel(Model network, ModelCard card, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return AtomicFiles.write(file, stream -> {
            Path temporary = Files.createTempFile(parent, ".model", ".zip");
            try {
                ModelSerializer.writeModel(network, temporary.toFile(), false);
                card.writeInto(temporary);
                Files.copy(temporary, stream);
            } finally {
                Files.deleteIfExists(temporary);
            }
        });
    }

    /** @return what {@value #TRAINING_FILE} holds */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", card.name());
        m.put("classNames", card.classNames());
        m.put("input", Map.of("height", card.input().height(), "width", card.input().width(),
                "channels", card.input().channels()));
        m.put("preprocessing", card.preprocessing().id());
        m.put("options", options);
        m.put("trainImages", trainCount);
        m.put("validationImages", validationCount);
        m.put("validationAccuracy", validationAccuracy);
        m.put("temperature", card.temperature());
        m.put("eceBefore", before == null ? Double.NaN : before.expectedCalibrationError());
        m.put("eceAfter", after == null ? Double.NaN : after.expectedCalibrationError());
        m.put("epochs", history);
        m.put("seconds", seconds);
        return m;
    }
}
