package dev.limelight.image.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.ExplanationLoop;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.ExplanationDocument;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JSON of an image explanation: the one explanation format ({@link ExplanationDocument}), with
 * {@code input} holding the image's size and segment count and {@code options} the segmenter and
 * hide mode beside the shared options. The same seed gives the same JSON, timings aside.
 */
public final class ExplanationJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExplanationJson() {
    }

    /**
     * The {@code input} of an image explanation.
     *
     * @param kind     "image"
     * @param width    the model's input width
     * @param height   the model's input height
     * @param channels the model's input channels
     * @param segments the segment count
     */
    public record Input(String kind, int width, int height, int channels, int segments) {
    }

    /** @return the explanation as a document of the one format */
    public static ExplanationDocument toDocument(ImageExplanation e) {
        ImageExplanation.ModelAnswer model = e.model();
        int predicted = ExplanationLoop.topLabels(model.outputs(), 1)[0];
        List<ExplanationDocument.Label> labels = ExplanationDocument.labels(e.labels(), e.options().trust().counterfactual(),
                predicted, model.classNames(), ExplanationDocument.FeatureText.NONE, null);
        Input input = new Input("image", e.image().width(), e.image().height(), e.image().channels(),
                e.segmentation().segmentCount());
        ImageExplainerOptions o = e.options();
        Map<String, Object> options = ExplanationDocument.options(List.of(Map.entry("segmenter", o.segmenter().toString()),
                Map.entry("hide", o.hideMode().toString())), o);
        return new ExplanationDocument(ExplanationDocument.Format.CURRENT, input, model.outputKind().label(),
                model.explained(), model.classNames(), model.outputs(), labels, ExplanationDocument.adaptiveSampling(e.sampling(),
                        ExplanationDocument.FeatureText.NONE),
                e.seed(), e.samples(), options, ExplanationDocument.timings(e.timings().asMap()));
    }

    /** @return the explanation as a JSON tree */
    public static ObjectNode toJson(ImageExplanation e) {
        return JSON.valueToTree(toDocument(e));
    }

    /** Writes {@link #toJson} to a file. */
    public static void write(ImageExplanation e, Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, toJson(e)));
    }

    /** @return {@link #toJson} as text */
    public static String toText(ImageExplanation e) {
        try {
            return JSON.writeValueAsString(toJson(e));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
