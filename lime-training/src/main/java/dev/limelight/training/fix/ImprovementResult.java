package dev.limelight.training.fix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.models.ModelCard;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainedModel;
import dev.limelight.training.fit.TrainingImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;

/**
 * What {@link Improvement#run} did and measured.
 *
 * @param options      the options it ran with
 * @param region       the region in words
 * @param carrierClass the class whose images carry the artifact
 * @param carrierName  its name
 * @param before       the verification of the model before
 * @param after        the verification of the fine-tuned model
 * @param history      one record per fine-tuning epoch (validation accuracy on the held-out images)
 * @param trainCount   images fine-tuned on
 * @param heldOut      the held-out images the verification used
 * @param network      the fine-tuned network
 * @param improved     the fine-tuned network as a classifier
 * @param card         its model card
 * @param seconds      wall time of the fine-tuning
 */
public record ImprovementResult(ImprovementOptions options, String region, int carrierClass, String carrierName,
                                Verification before, Verification after, List<ImageTrainer.EpochRecord> history,
                                int trainCount, TrainingImages heldOut, Model network, NetworkImageClassifier improved,
                                ModelCard card, double seconds) {

    /** The fine-tuned model's file in the output folder. */
    public static final String MODEL_FILE = TrainedModel.MODEL_FILE;
    /** The figures' file in the output folder. */
    public static final String JSON_FILE = "improvement.json";

    /** Copies the history. */
    public ImprovementResult {
        history = List.copyOf(history);
    }

    /**
     * Writes {@value #MODEL_FILE} (with its card) and {@value #JSON_FILE}.
     *
     * @param out the output folder
     * @return the model file
     */
    public Path write(Path out) throws IOException {
        Path model = TrainedModel.writeModel(network, card, out.resolve(MODEL_FILE));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(out.resolve(JSON_FILE), json.writeValueAsString(summary()));
        return model;
    }

    /** @return what {@value #JSON_FILE} holds */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", options.method().id());
        m.put("region", region);
        m.put("carrierClass", carrierClass);
        m.put("carrierName", carrierName);
        m.put("share", options.effectiveShare());
        m.put("training", options.training());
        m.put("trainImages", trainCount);
        m.put("heldOutImages", heldOut.size());
        m.put("before", before);
        m.put("after", after);
        m.put("epochs", history);
        m.put("seconds", seconds);
        return m;
    }
}
