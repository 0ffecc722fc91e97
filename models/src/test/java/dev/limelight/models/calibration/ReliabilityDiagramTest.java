package dev.limelight.models.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReliabilityDiagramTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngWithOnePanelPerBinning() throws IOException {
        SyntheticScores data = SyntheticScores.generate(2_000, 5, 1.5, 2.5, 9);
        ReliabilityBins before = ReliabilityBins.of(data.probabilities(), data.labels());
        ReliabilityBins after = ReliabilityBins.of(
                new SyntheticScores(data.logits().div(2.5), data.labels()).probabilities(), data.labels());
        Path file = dir.resolve("plots/reliability.png");

        ReliabilityDiagram.of(new ReliabilityDiagram.Panel("before", before),
                new ReliabilityDiagram.Panel("after, T = 2.5", after)).writePng(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(2 * ReliabilityDiagram.PANEL_WIDTH, image.getWidth());
        assertEquals(ReliabilityDiagram.HEIGHT, image.getHeight());
    }

    @Test
    void drawsABarForEachNonEmptyBin() {
        // every prediction has confidence 0.97 (bin 14) and is right: one full-height bar at the right
        var probabilities = org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0.97, 0.03}, {0.97, 0.03}});
        ReliabilityBins bins = ReliabilityBins.of(probabilities, new int[] {0, 0});

        BufferedImage image = ReliabilityDiagram.of(new ReliabilityDiagram.Panel("one bin", bins)).render();

        int white = 0xFFFFFFFF;
        int insideLastBin = image.getRGB(64 + 350 - 10, 56 + 350 / 2);
        int insideFirstBin = image.getRGB(64 + 10, 56 + 350 - 40);
        assertNotEquals(white, insideLastBin, "a bar fills the last bin");
        assertEquals(white, insideFirstBin, "the first bin is empty");
    }
}
