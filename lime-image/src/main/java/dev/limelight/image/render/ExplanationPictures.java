package dev.limelight.image.render;

import dev.limelight.image.ImageExplanation;
import java.util.HashMap;
import java.util.Map;

/**
 * The PNG pictures of one explanation (the explained image, and per label its overlay and heat
 * map), each drawn and encoded once however many files show it: the report embeds the same bytes
 * that {@code explanation.png} and {@code heatmap.png} hold. Not thread-safe.
 */
final class ExplanationPictures {

    private final ImageExplanation explanation;
    private final Map<Integer, byte[]> overlays = new HashMap<>();
    private final Map<Integer, byte[]> heatMaps = new HashMap<>();
    private byte[] image;

    ExplanationPictures(ImageExplanation explanation) {
        this.explanation = explanation;
    }

    /** @return the explained image (the model's input), as PNG */
    byte[] image() {
        if (image == null) {
            image = PngEncoder.encode(explanation.image());
        }
        return image;
    }

    /** @return {@link ExplanationImages#overlay} of the label's {@link HtmlReport#TOP_SEGMENTS} strongest segments, as PNG */
    byte[] overlay(int label) {
        return overlays.computeIfAbsent(label, l -> PngEncoder.encode(
                ExplanationImages.overlay(explanation, l, HtmlReport.TOP_SEGMENTS)));
    }

    /** @return {@link ExplanationImages#heatMap} of the label, as PNG */
    byte[] heatMap(int label) {
        return heatMaps.computeIfAbsent(label, l -> PngEncoder.encode(ExplanationImages.heatMap(explanation, l)));
    }
}
