package dev.limelight.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.ImageRegion;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.PlantedCue;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The explanation tests (no-reliance, on-object, stable, the superpixel flip) on models whose reasons are known. */
class ExplanationChecksTest {

    @TempDir
    static Path dir;
    private static LabelledFolder folder;
    private static Path masks;

    @BeforeAll
    static void writeTheFolderAndMasks() throws Exception {
        folder = LabelledFolder.read(HalfBrightness.writeFolder(dir.resolve("data"), 6, 5), HalfBrightness.CLASSES);
        masks = dir.resolve("masks");
        for (String relative : folder.relativePaths()) {
            if (relative.startsWith("bright/") && !relative.endsWith("/0.png")) {
                // the "object" of a bright image is its top-left 4 x 4 corner; bright/0.png has no mask
                BufferedImage mask = new BufferedImage(HalfBrightness.SIZE, HalfBrightness.SIZE,
                        BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        mask.getRaster().setSample(x, y, 0, 255);
                    }
                }
                Path file = masks.resolve(relative);
                Files.createDirectories(file.getParent());
                ImageIO.write(mask, "png", file.toFile());
            }
        }
    }

    private static CheckContext context(ImageClassifier model) {
        return CheckContext.of(model, folder, Map.of(), 0, 32);
    }

    @Test
    void aModelThatReadsTheMaskedCornerIsOnTheObjectAndOneThatReadsEverythingIsNot() {
        OnObjectCheck onObject = new OnObjectCheck("on the object", masks.toString(), null, Cohort.ofLabel("bright"),
                0.8, 200, 16);

        CheckResult corner = onObject.run(context(HalfBrightness.corner()));
        CheckResult whole = onObject.run(context(HalfBrightness.whole()));

        assertTrue(corner.passed(), corner.summary());
        assertTrue(corner.value() > 0.9, corner.summary());
        assertFalse(whole.passed(), whole.summary());
        assertTrue(whole.value() < 0.3, "one cell of 16 holds about a 16th of the evidence: " + whole.summary());
        assertEquals(5, corner.details().get("images"), "five of the six bright images have a mask");
        assertEquals(1, corner.details().get("withoutMask"));
        assertEquals(Evidence.KEPT > 5 ? 5 : Evidence.KEPT, corner.evidence().size());
    }

    @Test
    void aMaskOfAnotherSizeIsStretchedToItsImage() throws Exception {
        Path big = dir.resolve("big-masks/bright");
        Files.createDirectories(big);
        BufferedImage mask = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                mask.getRaster().setSample(x, y, 0, 255);
            }
        }
        ImageIO.write(mask, "png", big.resolve("2.png").toFile());

        boolean[] inside = new ImageRegion.Masks(big.getParent()).inside("bright/2.png", 16, 16).orElseThrow();

        for (int y = 0; y < 16; y++) {
            assertEquals(y < 8, inside[y * 16 + 3], "row " + y);
        }
        assertTrue(new ImageRegion.Masks(big.getParent()).inside("bright/4.png", 16, 16).isEmpty());
    }

    @Test
    void explanationsOfAClearModelAgreeAcrossSeedsAndThoseOfANoisyOneDoNot() {
        StableCheck stable = new StableCheck("stable", Cohort.ofLabel("bright"), 3, 1, 0.9, 200, 16);
        StableCheck stableTop3 = new StableCheck("stable", null, 3, 3, 0.5, 200, 16);

        CheckResult corner = stable.run(context(HalfBrightness.corner()));
        CheckResult noisy = stableTop3.run(context(new Coin()));

        assertTrue(corner.passed(), corner.summary());
        assertEquals(1.0, corner.value(), 1e-12, "the corner cell is the top cell under every seed");
        assertFalse(noisy.passed(), noisy.summary());
        assertTrue(noisy.value() < 0.35, "random top-3 sets of 16 cells overlap little: " + noisy.summary());
    }

    @Test
    void hidingTheCornerCellFlipsEveryBrightImageForTheCornerModel() throws Exception {
        FlipCheck hide = new FlipCheck("hide cells", "superpixels", 6.0, null, 0.5, 2.0, null,
                Cohort.ofLabel("bright"), 200, 16);

        CheckResult result = hide.run(context(HalfBrightness.corner()));

        assertEquals(1.0, result.value(), 0, "one hidden cell (black) makes the corner dark: " + result.details());
        assertFalse(result.passed());
        assertEquals(6, result.evidence().size());
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(result.evidence().get(0).changed()));
        assertNotNull(shown);
        assertEquals(0, shown.getRaster().getSample(1, 1, 0), "the hidden cell is black");
    }

    @Test
    void aRealCnnTrainedWithACornerCueReliesOnTheCornerAndItsControlDoesNot() throws Exception {
        Path data = PlantedCue.writeFolder(dir.resolve("cue"), 16, 99);
        LabelledFolder cueFolder = LabelledFolder.read(data, PlantedCue.CLASSES);
        NoRelianceCheck corner = new NoRelianceCheck("does not rely on the corner", "0,0,7,7", null,
                Cohort.ofLabel("patched"), 0.3, 300, 16);

        CheckResult cue = corner.run(CheckContext.of(PlantedCue.classifier(PlantedCue.train(true)), cueFolder,
                Map.of(), 0, 32));
        CheckResult control = corner.run(CheckContext.of(PlantedCue.classifier(PlantedCue.train(false)), cueFolder,
                Map.of(), 0, 32));

        assertFalse(cue.passed(), cue.summary());
        assertTrue(control.passed(), control.summary());
        assertTrue(cue.value() > 2 * control.value(), cue.summary() + " against " + control.summary());
    }

    /** A model that ignores its input: every call answers a fresh random coin. */
    private static final class Coin implements ImageClassifier {
        private final SplittableRandom random = new SplittableRandom(3);

        @Override
        public ImageInput input() {
            return new ImageInput(HalfBrightness.SIZE, HalfBrightness.SIZE, 1, ImageLayout.NHWC);
        }

        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public List<String> classNames() {
            return HalfBrightness.CLASSES;
        }

        @Override
        public INDArray predict(INDArray batch) {
            double[][] out = new double[(int) batch.size(0)][];
            for (int i = 0; i < out.length; i++) {
                double p = random.nextDouble();
                out[i] = new double[] {p, 1 - p};
            }
            return Nd4j.createFromArray(out);
        }
    }
}
