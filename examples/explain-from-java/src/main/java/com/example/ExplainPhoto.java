package com.example;

import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.SegmenterKind;
import dev.limelight.image.render.ExplanationWriter;
import dev.limelight.models.ClassNames;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import java.nio.file.Path;

/**
 * The README's Java example as a program: explains one photo with one model and writes the
 * explanation's JSON, PNGs and report.
 *
 * <pre>
 * java -cp ... com.example.ExplainPhoto MODEL PHOTO OUT [PRESET [LABELS]]
 * </pre>
 * PRESET is the model's preprocessing (inception, unit, caffe, none; default inception); LABELS a
 * class-names file (without it the model's own names, or numbers).
 */
public final class ExplainPhoto {

    private ExplainPhoto() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ExplainPhoto MODEL PHOTO OUT [PRESET [LABELS]]");
            System.exit(2);
        }
        ModelOptions.Builder options = ModelOptions.builder()
                .preprocessing(Preprocessing.byName(args.length > 3 ? args[3] : "inception"));
        if (args.length > 4) {
            options.classNames(ClassNames.read(Path.of(args[4])));
        }
        NetworkImageClassifier model = ImageModels.load(Path.of(args[0]), options.build());
        ImageExplanation e = new ImageExplainer(ImageExplainerOptions.builder()
                .samples(1000)
                .segmenter(SegmenterKind.SLIC.create(64))
                .seed(42)
                .build()).explain(ImageFiles.read(Path.of(args[1])), model);
        ExplanationWriter.write(e, "my photo", Path.of(args[2]));
        System.out.println(e.top().name() + " p=" + e.top().probability() + "; wrote " + args[2]);
    }
}
