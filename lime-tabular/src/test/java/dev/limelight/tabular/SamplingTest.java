package dev.limelight.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.SampleDistance;
import dev.limelight.core.sampling.SampleMatrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference's sampling of table rows, against values worked out by hand: a column keeps the
 * explained row's bin or category as often as training data holds it, other bins and categories come
 * with their training frequencies, numeric values fall in their bin with the bin's training mean, and
 * distances and the kernel width are the reference's.
 */
class SamplingTest {

    /** 1..8: quartile boundaries 2.75, 4.5, 6.25; bins {1,2} {3,4} {5,6} {7,8}. */
    private static final double[] VALUES = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void binStatisticsAreTheTrainingValuesOfEachBin() {
        NumericDistribution d = NumericDistribution.fit("x", VALUES, Discretizer.QUARTILE);
        assertArrayEquals(new long[] {2, 2, 2, 2}, d.counts());
        assertArrayEquals(new double[] {1.5, 3.5, 5.5, 7.5}, d.means(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, d.stds(), 1e-12);
        // ranges: the column's minimum, the boundaries, its maximum
        assertArrayEquals(new double[] {1, 2.75, 4.5, 6.25}, d.lows(), 1e-12);
        assertArrayEquals(new double[] {2.75, 4.5, 6.25, 8}, d.highs(), 1e-12);
        assertEquals(0.25, d.keepProbability(3.3), 1e-12);
        assertEquals("2.75 < x <= 4.50", d.condition(3.3));
    }

    @Test
    void otherBinsComeWithTheirTrainingFrequencies() {
        // quartiles of 1,2,2,3,3,3,4,4,4,4 (ranks 2.25, 4.5, 6.75): 2.25, 3, 4; bins hold 3, 3, 4 and 0
        // values: away from bin 0, bin 1 comes 3/7 of the time, bin 2 4/7, the empty bin 3 never
        double[] values = {1, 2, 2, 3, 3, 3, 4, 4, 4, 4};
        NumericDistribution d = NumericDistribution.fit("x", values, Discretizer.QUARTILE);
        assertArrayEquals(new double[] {2.25, 3, 4}, d.bins().boundaries(), 1e-12);
        assertArrayEquals(new long[] {3, 3, 4, 0}, d.counts());
        int[] seen = new int[4];
        SplittableRandom random = new SplittableRandom(1);
        int draws = 90_000;
        for (int i = 0; i < draws; i++) {
            seen[d.bins().bin(d.draw(1, false, random))]++;
        }
        assertEquals(0, seen[0], "never the explained row's bin");
        assertEquals(0, seen[3], "never an empty bin");
        assertEquals(3 / 7.0, seen[1] / (double) draws, 0.01);
        assertEquals(4 / 7.0, seen[2] / (double) draws, 0.01);
    }

    @Test
    void valuesFallInTheirBinAroundItsTrainingMean() {
        // bin {3, 4}: mean 3.5, std 0.5, range (2.75, 4.5]: the normal truncated at -1.5 and +2 deviations
        NumericDistribution d = NumericDistribution.fit("x", VALUES, Discretizer.QUARTILE);
        SplittableRandom random = new SplittableRandom(2);
        double sum = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            double v = d.draw(3.3, true, random);
            assertTrue(v >= 2.75 && v <= 4.5, "in the bin: " + v);
            sum += v;
        }
        // truncated normal mean: mu + sigma (phi(a) - phi(b)) / (Phi(b) - Phi(a)), a = -1.5, b = 2:
        // phi(-1.5) = 0.129518, phi(2) = 0.053991, Phi(2) - Phi(-1.5) = 0.977250 - 0.066807 = 0.910443
        double expected = 3.5 + 0.5 * (0.129518 - 0.053991) / 0.910443;
        assertEquals(expected, sum / n, 0.005);
    }

    @Test
    void aBinOfEqualValuesGivesThatValue() {
        NumericDistribution d = NumericDistribution.fit("c", new double[] {5, 5, 5, 9}, Discretizer.QUARTILE);
        assertEquals(5.0, d.draw(5, true, new SplittableRandom(3)), 0);
    }

    @Test
    void categoriesKeepWithTheirShareAndChangeByFrequency() {
        CategoricalDistribution d = CategoricalDistribution.fit("island", List.of("Biscoe", "Dream", "Torgersen"),
                new double[] {0, 0, 0, 0, 0, 1, 1, 1, 2, 2});
        assertEquals(0.5, d.keepProbability(0), 1e-12);
        assertEquals("island = Dream", d.condition(1));
        int[] seen = new int[3];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 50_000; i++) {
            seen[(int) d.draw(0, false, random)]++;
        }
        assertEquals(0, seen[0]);
        assertEquals(0.6, seen[1] / 50_000.0, 0.01);
        assertEquals(1.0, d.draw(1, true, random), 0);
    }

    @Test
    void cellsAreKeptWithTheirProbabilities() {
        SampleMatrix m = SampleMatrix.drawKeeping(40_001, new double[] {0.25, 0.9, 0}, 6);
        for (int j = 0; j < 3; j++) {
            assertTrue(m.keeps(0, j), "row 0 is the original");
        }
        double[] kept = new double[3];
        for (int i = 1; i < m.samples(); i++) {
            for (int j = 0; j < 3; j++) {
                kept[j] += m.keeps(i, j) ? 1 : 0;
            }
        }
        assertEquals(0.25, kept[0] / 40_000, 0.01);
        assertEquals(0.9, kept[1] / 40_000, 0.01);
        assertEquals(0, kept[2]);
    }

    @Test
    void distanceIsTheRootOfTheChangedColumnsAndTheKernelWidthTheReferences() {
        double[] d = SampleDistance.euclidean().toOriginal(Nd4j.createFromArray(new double[][] {
                {1, 1, 1, 1}, {1, 0, 1, 1}, {0, 0, 0, 0}}));
        assertArrayEquals(new double[] {0, 1, 2}, d, 1e-12);
        assertEquals(1.5, TabularExplainerOptions.defaults().kernelWidth(4), 1e-12);
        assertEquals(0.3, TabularExplainerOptions.builder().kernelWidth(0.3).build().kernelWidth(4), 1e-12);
    }
}
