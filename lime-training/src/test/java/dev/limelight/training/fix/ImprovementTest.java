package dev.limelight.training.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.ImageRegion;
import dev.limelight.core.ProgressListener;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainedModel;
import dev.limelight.training.fit.TrainingImages;
import dev.limelight.training.fit.TrainingOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A model that reads a planted marker stops reading it after each fix, with known answers. */
class ImprovementTest {

    private static TrainingImages data;
    private static TrainedModel shortcut;

    @BeforeAll
    static void trainTheShortcutModel() {
        data = PlantedMarker.images(200, 1, true);
        shortcut = ImageTrainer.train("marker", data, TrainingOptions.DEFAULTS.withEpochs(3), ProgressListener.NONE);
    }

    private static NetworkImageClassifier classifier() {
        return ImageModels.wrap(shortcut.network(), ModelOptions.builder().preprocessing(Preprocessing.UNIT)
                .inputSize(PlantedMarker.SIZE, PlantedMarker.SIZE).classNames(PlantedMarker.CLASSES).name("marker")
                .build());
    }

    @Test
    void counterexamplesTakeTheModelOffTheMarker() {
        ImprovementResult r = Improvement.run(classifier(), shortcut.network(), data,
                ImageRegion.Rectangle.parse(PlantedMarker.REGION), ImprovementOptions.DEFAULTS, ProgressListener.NONE);
        assertEquals(0, r.carrierClass(), "the marked class is found from the region's content");
        assertTrue(r.before().shortcutAccuracy() < 0.5, "before, the marker decides: " + r.before());
        assertTrue(r.before().regionShare() > 0.3, "before: " + r.before());
        assertTrue(r.after().shortcutAccuracy() > 0.8, "after: " + r.after());
        assertTrue(r.after().regionShare() < 0.1, "after: " + r.after());
        assertTrue(r.after().cleanAccuracy() > 0.9, "the bars are learnt instead: " + r.after());
        Verification.Cluster carrier = r.before().clusters().get(0);
        assertEquals("horizontal", carrier.cluster().className(),
                "before, the marked images of the other class are explained as the marked class");
        assertEquals(r.before().shares().size(), carrier.cluster().members().size(), "and form one cluster");
        assertTrue(carrier.regionShare() > 0.3, "that rests on the marker: " + carrier);
        assertTrue(r.after().clusters().stream().allMatch(c -> c.regionShare() < 0.1),
                "after, no cluster rests on the marker: " + r.after().clusters());
    }

    /**
     * With the marker in every training image the model must learn the faint bars for every class
     * anew; on 320 images that takes more epochs than counterexamples, which leave the bars the only
     * cue in most horizontal images.
     */
    @Test
    void artifactTransferTakesTheModelOffTheMarker() {
        ImprovementResult r = Improvement.run(classifier(), shortcut.network(), data,
                ImageRegion.Rectangle.parse(PlantedMarker.REGION),
                ImprovementOptions.DEFAULTS.withMethod(FixMethod.ARTIFACT_TRANSFER)
                        .withTraining(ImprovementOptions.DEFAULTS.training().withEpochs(8)), ProgressListener.NONE);
        assertTrue(r.after().shortcutAccuracy() > 0.8, "after: " + r.after());
        assertTrue(r.after().regionShare() < 0.1, "after: " + r.after());
        assertTrue(r.after().cleanAccuracy() > 0.75, "after: " + r.after());
    }
}
