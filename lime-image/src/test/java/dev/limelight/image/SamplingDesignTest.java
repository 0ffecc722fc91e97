package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.CosineDistance;
import dev.limelight.core.FeatureSelection;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.core.KLasso;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.Neighbourhood;
import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.core.sampling.SamplingDesign;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The ways of drawing the samples. */
class SamplingDesignTest {

    /** The designs of uniform rows (every feature kept with probability 1/2), which estimate the same explanation. */
    private static final java.util.Set<SamplingDesign> IMAGE_DESIGNS = java.util.EnumSet.of(SamplingDesign.INDEPENDENT,
            SamplingDesign.ANTITHETIC, SamplingDesign.ORTHOGONAL);

    private static final int N = 401;
    private static final int S = 12;

    @Test
    void antitheticRowsComeInPairsOfADrawnRowAndItsComplement() {
        SampleMatrix independent = SampleMatrix.draw(N, S, 7, SamplingDesign.INDEPENDENT);
        SampleMatrix antithetic = SampleMatrix.draw(N, S, 7, SamplingDesign.ANTITHETIC);

        for (int j = 0; j < S; j++) {
            assertTrue(antithetic.keeps(0, j), "row 0 is the original");
        }
        for (int row = 1; row < N; row += 2) {
            for (int j = 0; j < S; j++) {
                assertEquals(independent.keeps(row, j), antithetic.keeps(row, j), "drawn rows are the independent ones");
                if (row + 1 < N) {
                    assertNotEquals(antithetic.keeps(row, j), antithetic.keeps(row + 1, j), "row " + (row + 1));
                }
            }
        }
    }

    @Test
    void everySegmentIsShownInExactlyHalfOfThePairedRows() {
        SampleMatrix antithetic = SampleMatrix.draw(N, S, 3, SamplingDesign.ANTITHETIC);
        for (int j = 0; j < S; j++) {
            int shown = 0;
            for (int row = 1; row < N; row++) {
                shown += antithetic.keeps(row, j) ? 1 : 0;
            }
            assertEquals((N - 1) / 2, shown, "segment " + j);
        }
    }

    @Test
    void centredColumnsAreOrthogonalToEveryTwoSegmentInteraction() {
        SampleMatrix antithetic = SampleMatrix.draw(N, S, 11, SamplingDesign.ANTITHETIC);
        SampleMatrix independent = SampleMatrix.draw(N, S, 11, SamplingDesign.INDEPENDENT);
        double largestIndependent = 0;
        for (int j = 0; j < S; j++) {
            for (int a = 0; a < S; a++) {
                for (int b = a + 1; b < S; b++) {
                    assertEquals(0, crossProduct(antithetic, j, a, b), "segment " + j + " against " + a + "x" + b);
                    largestIndependent = Math.max(largestIndependent, Math.abs(crossProduct(independent, j, a, b)));
                }
            }
        }
        assertTrue(largestIndependent > 0, "independent rows are not orthogonal by construction");
    }

    @Test
    void orthogonalBlocksShowEverySegmentPairAndTripleEquallyOften() {
        int segments = 12;
        int block = 2 * 16;
        SampleMatrix orthogonal = SampleMatrix.draw(1 + 3 * block, segments, 5, SamplingDesign.ORTHOGONAL);
        for (int b = 0; b < 3; b++) {
            int from = 1 + b * block;
            for (int j = 0; j < segments; j++) {
                assertEquals(block / 2, shownTogether(orthogonal, from, block, j), "block " + b + ", segment " + j);
                for (int a = j + 1; a < segments; a++) {
                    assertEquals(block / 4, shownTogether(orthogonal, from, block, j, a), "segments " + j + ", " + a);
                    for (int c = a + 1; c < segments; c++) {
                        assertEquals(block / 8, shownTogether(orthogonal, from, block, j, a, c),
                                "segments " + j + ", " + a + ", " + c);
                    }
                }
            }
        }
        for (int row = 1; row + 1 < orthogonal.samples(); row += 2) {
            for (int j = 0; j < segments; j++) {
                assertNotEquals(orthogonal.keeps(row, j), orthogonal.keeps(row + 1, j), "fold-over pair at " + row);
            }
        }
    }

    @Test
    void orthogonalBlocksDifferAndEachCellIsShownHalfTheTimeOverSeeds() {
        int segments = 20;
        int rows = 1 + 2 * 64;
        SampleMatrix first = SampleMatrix.draw(rows, segments, 1, SamplingDesign.ORTHOGONAL);
        assertNotEquals(firstBlock(first, 1, segments), firstBlock(first, 1 + 64, segments), "each block is drawn anew");

        int seeds = 4000;
        int[][] shown = new int[rows][segments];
        for (long seed = 0; seed < seeds; seed++) {
            SampleMatrix m = SampleMatrix.draw(rows, segments, seed, SamplingDesign.ORTHOGONAL);
            for (int row = 0; row < rows; row++) {
                for (int j = 0; j < segments; j++) {
                    shown[row][j] += m.keeps(row, j) ? 1 : 0;
                }
            }
        }
        for (int j = 0; j < segments; j++) {
            assertEquals(seeds, shown[0][j], "row 0 is the original");
        }
        // Each cell is a fair coin over seeds: 4000 draws give 2000 +- 32 (1 sd); 6 sd would be 190.
        for (int row = 1; row < rows; row++) {
            for (int j = 0; j < segments; j++) {
                assertEquals(seeds / 2.0, shown[row][j], 190, "row " + row + ", segment " + j);
            }
        }
    }

    @Test
    void everyDesignConvergesToTheReferencesExplanation() {
        // a saturating model with interactions: the designs differ in noise, not in what they estimate;
        // at 40 000 samples the designs' weights differ by at most 0.0025 (the top weight is 0.21)
        int segments = 24;
        int samples = 40_001;
        KLasso klasso = new KLasso(KLassoOptions.builder().kernelWidth(0.25).featureSelection(FeatureSelection.NONE)
                .build());
        Map<SamplingDesign, double[]> weights = new EnumMap<>(SamplingDesign.class);
        for (SamplingDesign design : IMAGE_DESIGNS) {
            SampleMatrix m = SampleMatrix.draw(samples, segments, 21, design);
            double[][] predictions = new double[samples][];
            for (int i = 0; i < samples; i++) {
                double logit = -1;
                for (int j = 0; j < segments; j++) {
                    logit += m.keeps(i, j) ? 0.5 / (1 + j) : 0;
                }
                logit += m.keeps(i, 0) && m.keeps(i, 1) ? 1.0 : 0;
                logit += m.keeps(i, 2) != m.keeps(i, 3) ? 0.5 : 0;
                logit += m.keeps(i, 4) && m.keeps(i, 5) && m.keeps(i, 6) ? 0.8 : 0;
                double p = 1 / (1 + Math.exp(-logit));
                predictions[i] = new double[] {1 - p, p};
            }
            INDArray z = m.toDoubleMatrix();
            Neighbourhood neighbourhood = Neighbourhood.of(z, Nd4j.createFromArray(predictions),
                    Nd4j.createFromArray(CosineDistance.toOriginal(z, CosineDistance.IMAGE_SCALE)));
            double[] w = new double[segments];
            klasso.explain(neighbourhood, 1).weights().forEach(fw -> w[fw.feature()] = fw.weight());
            weights.put(design, w);
        }
        double[] reference = weights.get(SamplingDesign.INDEPENDENT);
        for (SamplingDesign design : IMAGE_DESIGNS) {
            for (int j = 0; j < segments; j++) {
                assertEquals(reference[j], weights.get(design)[j], 0.005, design + ", segment " + j);
            }
        }
    }

    private static int shownTogether(SampleMatrix m, int from, int count, int... segments) {
        int together = 0;
        for (int row = from; row < from + count; row++) {
            boolean all = true;
            for (int j : segments) {
                all &= m.keeps(row, j);
            }
            together += all ? 1 : 0;
        }
        return together;
    }

    private static String firstBlock(SampleMatrix m, int from, int segments) {
        StringBuilder cells = new StringBuilder();
        for (int row = from; row < from + 64; row++) {
            for (int j = 0; j < segments; j++) {
                cells.append(m.keeps(row, j) ? '1' : '0');
            }
        }
        return cells.toString();
    }

    @Test
    void theExplainerDrawsWithTheChosenDesignAndRepeatsItForASeed() {
        RasterImage image = ImageExplainerTest.texturedImage(64, 64, 1);
        RegionBrightnessClassifier model = new RegionBrightnessClassifier(new ImageInput(64, 64, 3, ImageLayout.NHWC),
                0, 0, 32, 32);
        ImageExplainerOptions options = ImageExplainerOptions.builder().samples(201).batchSize(50).labels(1)
                .hideMode(HideMode.constant(0, 0, 0)).segmenter(SegmenterKind.GRID.create(16)).build();
        ImageExplanation independent = new ImageExplainer(options).explain(image, model);
        ImageExplainerOptions antithetic = options.toBuilder().samplingDesign(SamplingDesign.ANTITHETIC).build();
        ImageExplanation first = new ImageExplainer(antithetic).explain(image, model);
        ImageExplanation second = new ImageExplainer(antithetic).explain(image, model);

        assertEquals(first.label(1).surrogate(), second.label(1).surrogate());
        assertNotEquals(independent.label(1).surrogate(), first.label(1).surrogate());
        assertEquals(Set.of(0, 1, 4, 5), top4(first), "the planted region's cells are on top");
        assertTrue(antithetic.toString().contains("antithetic"), antithetic.toString());
    }

    private static Set<Integer> top4(ImageExplanation e) {
        return e.label(1).surrogate().top(4).stream().map(FeatureWeight::feature).collect(Collectors.toSet());
    }

    /** Sum over the paired rows of x_j x_a x_b with x = +1 shown, -1 hidden. */
    private static int crossProduct(SampleMatrix m, int j, int a, int b) {
        int sum = 0;
        for (int row = 1; row < m.samples(); row++) {
            sum += sign(m, row, j) * sign(m, row, a) * sign(m, row, b);
        }
        return sum;
    }

    private static int sign(SampleMatrix m, int row, int j) {
        return m.keeps(row, j) ? 1 : -1;
    }
}
