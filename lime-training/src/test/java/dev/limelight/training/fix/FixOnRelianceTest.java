package dev.limelight.training.fix;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.ImageRegion;
import dev.limelight.core.ProgressListener;
import dev.limelight.image.HideMode;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.Preprocessing;
import dev.limelight.models.SmallCnn;
import dev.limelight.training.LimeTrainingListener;
import dev.limelight.training.Probe;
import dev.limelight.training.ReliancePolicy;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainingImages;
import dev.limelight.training.fit.TrainingOptions;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * The training listener hands its finding to the fix: with a fix policy, training switches to
 * counterexamples once the probes rely on the marker, and ends off it; the same training without
 * the policy ends on it.
 */
class FixOnRelianceTest {

    private static final ModelOptions OPTIONS = ModelOptions.builder().preprocessing(Preprocessing.UNIT)
            .inputSize(PlantedMarker.SIZE, PlantedMarker.SIZE).classNames(PlantedMarker.CLASSES).build();

    @Test
    void aFixPolicySwitchesTrainingToCounterexamplesAndTheModelEndsOffTheMarker() {
        TrainingImages data = PlantedMarker.images(200, 2, true);
        TrainingImages.Split split = data.split(0.2, 1);
        MarkedRegion region = new MarkedRegion(ImageRegion.Rectangle.parse(PlantedMarker.REGION), data);
        Artifact artifact = Artifact.find(split.train(), region);
        Fix fix = new Fix(FixMethod.COUNTEREXAMPLES, region, artifact, 1.0);
        // a constant learning rate: the epochs after the switch must be able to unlearn the marker
        TrainingOptions options = new TrainingOptions(8, 64, 2e-3, 1, 3, 0);

        LimeTrainingListener watching = listener(ReliancePolicy.fixAbove(0.3), artifact);
        MultiLayerNetwork fixed = train(watching, FixOnReliance.images(watching, fix, split.train(), 3), split, options);
        LimeTrainingListener warning = listener(ReliancePolicy.warnAbove(0.3), artifact);
        MultiLayerNetwork plain = train(warning, FixOnReliance.images(warning, fix, split.train(), 3), split, options);

        assertTrue(watching.fixRequested(), "the probes relied on the marker: " + watching.records());
        assertFalse(warning.fixRequested(), "a warning policy never asks for the fix");
        Verification withFix = verify(fixed, split.validation(), region, artifact);
        Verification without = verify(plain, split.validation(), region, artifact);
        assertTrue(without.shortcutAccuracy() < 0.5, "without the fix: " + without);
        assertTrue(withFix.shortcutAccuracy() > 0.8, "with the fix: " + withFix);
        assertTrue(withFix.cleanAccuracy() > 0.9, "with the fix: " + withFix);
    }

    /** Three vertical images with the marker pasted in, explained for the marked class (0). */
    private static LimeTrainingListener listener(ReliancePolicy policy, Artifact artifact) {
        SplittableRandom random = new SplittableRandom(9);
        List<Probe> probes = List.of(0, 1, 2).stream().map(k -> Probe.withIgnoredRectangle("probe " + k,
                artifact.pasteInto(PlantedMarker.image(1, false, random), random), 0, 1, 1, 5, 5)).toList();
        return LimeTrainingListener.builder(net -> ImageModels.wrap(net, OPTIONS)).probes(probes).everyEpochs(1)
                .explainer(ImageExplainerOptions.builder().samples(150).hideMode(HideMode.constant(0, 0, 0)).build())
                .policy(policy).build();
    }

    private static MultiLayerNetwork train(LimeTrainingListener listener, ImageTrainer.EpochImages images,
                                           TrainingImages.Split split, TrainingOptions options) {
        MultiLayerNetwork network = new MultiLayerNetwork(SmallCnn.configuration(PlantedMarker.INPUT, 2,
                options.seed(), options.learningRate(), options.decay()));
        network.init();
        network.setListeners(listener);
        ImageTrainer.fit(network, images, split.validation(), Preprocessing.UNIT, options, ProgressListener.NONE);
        return network;
    }

    private static Verification verify(MultiLayerNetwork network, TrainingImages test, MarkedRegion region,
                                       Artifact artifact) {
        return Verification.measure(ImageModels.wrap(network, OPTIONS), test, region, artifact,
                new Verification.Settings(0, 300, 64, 0), ProgressListener.NONE, "");
    }
}
