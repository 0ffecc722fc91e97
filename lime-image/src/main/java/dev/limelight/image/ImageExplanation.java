package dev.limelight.image;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.ExplainedOutput;
import dev.limelight.core.OutputKind;
import dev.limelight.core.StageTimings;
import dev.limelight.core.sampling.SamplingReport;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Why an image model predicted what it did: per explained label, the weight of every superpixel,
 * with the image and segmentation they refer to and how the explanation was made.
 *
 * @param image        the explained image, at the model's input size (RGB or gray as the model)
 * @param segmentation its superpixels (feature i of a surrogate is segment i)
 * @param labels       one explanation per label, most probable first when the top labels were asked
 * @param seed         the seed of the sample matrix
 * @param samples      N, the number of perturbed samples scored (original included)
 * @param options      the options used
 * @param timings      wall time per stage
 * @param sampling     how adaptive sampling went, or null if the sample count was fixed
 * @param model        what the model is: its output kind, class names and outputs on the original
 */
public record ImageExplanation(RasterImage image, Segmentation segmentation, List<LabelExplanation> labels, long seed,
                               int samples, ImageExplainerOptions options, StageTimings timings,
                               SamplingReport sampling, ModelAnswer model) {

    /**
     * What the model answered on the original image.
     *
     * @param outputKind what its outputs are
     * @param classNames its name per output column
     * @param outputs    its outputs on the original
     * @param explained  which output the surrogate fits
     */
    public record ModelAnswer(OutputKind outputKind, List<String> classNames, double[] outputs,
                              ExplainedOutput explained) {

        /** Copies the names and outputs. */
        public ModelAnswer {
            classNames = List.copyOf(classNames);
            outputs = outputs.clone();
        }
    }

    /** Copies the label list. */
    public ImageExplanation {
        labels = List.copyOf(labels);
    }

    /** @return how adaptive sampling went, if it was used */
    public java.util.Optional<SamplingReport> samplingIfAdaptive() {
        return java.util.Optional.ofNullable(sampling);
    }

    /**
     * @return the explanation of {@code label}
     * @throws NoSuchElementException if that label was not explained
     */
    public LabelExplanation label(int label) {
        return labels.stream().filter(l -> l.label() == label).findFirst()
                .orElseThrow(() -> new NoSuchElementException("label " + label + " was not explained; explained: "
                        + labels.stream().map(LabelExplanation::label).toList()));
    }

    /** @return the explanation of the most probable explained label */
    public LabelExplanation top() {
        return labels.get(0);
    }

    /**
     * How much of the top label's positive weight lies in a region: each segment's positive weight
     * counts in proportion to the share of its pixels inside; the region's weight over all positive
     * weight (0 when there is none). What the explanation tests and the training listener measure.
     *
     * @param inside per pixel, row by row, whether it lies in the region, at any resolution (mapped
     *               onto the segmentation by the nearest pixel)
     * @param width  the region's width in pixels
     * @param height the region's height in pixels
     * @return the share, in [0, 1]
     */
    public double positiveShareIn(boolean[] inside, int width, int height) {
        if (inside.length != width * height) {
            throw new IllegalArgumentException("the region has " + inside.length + " flags, not " + width + " x "
                    + height);
        }
        double[] in = new double[segmentation.segmentCount()];
        double[] size = new double[segmentation.segmentCount()];
        for (int y = 0; y < segmentation.height(); y++) {
            int oy = Math.min(height - 1, (int) ((y + 0.5) * height / segmentation.height()));
            for (int x = 0; x < segmentation.width(); x++) {
                int ox = Math.min(width - 1, (int) ((x + 0.5) * width / segmentation.width()));
                int s = segmentation.label(x, y);
                size[s]++;
                if (inside[oy * width + ox]) {
                    in[s]++;
                }
            }
        }
        double positive = 0;
        double inRegion = 0;
        for (FeatureWeight w : top().surrogate().weights()) {
            if (w.weight() > 0) {
                positive += w.weight();
                inRegion += w.weight() * in[w.feature()] / size[w.feature()];
            }
        }
        return positive > 0 ? inRegion / positive : 0;
    }

    /** The reference's {@code get_image_and_mask} for one label; see {@link ImageAndMask}. */
    public ImageAndMask imageAndMask(int label, MaskOptions options) {
        return ImageAndMask.of(image, segmentation, label(label).surrogate().weights(), options);
    }

    @Override
    public String toString() {
        return "ImageExplanation[" + segmentation + ", samples=" + samples + ", seed=" + seed + ", labels="
                + labels.stream().map(l -> l.label() + " " + l.name()).toList() + ", " + timings + "]";
    }
}
