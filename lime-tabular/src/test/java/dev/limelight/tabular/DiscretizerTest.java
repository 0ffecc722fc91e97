package dev.limelight.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The reference's discretisation, with values worked out by hand: numpy's {@code percentile} (linear
 * interpolation: the p-th percentile of n sorted values sits at rank (n - 1) p / 100), bins by
 * {@code searchsorted}, names with {@code '%.2f'}.
 */
class DiscretizerTest {

    private static final double[] ONE_TO_EIGHT = {8, 3, 1, 5, 2, 7, 4, 6};

    @Test
    void quartilesInterpolateBetweenRanksAsNumpyDoes() {
        // ranks 1.75, 3.5, 5.25 of 1..8: 2.75, 4.5, 6.25
        NumericBins bins = Discretizer.QUARTILE.fit("x", ONE_TO_EIGHT);
        assertArrayEquals(new double[] {2.75, 4.5, 6.25}, bins.boundaries(), 1e-12);
        assertEquals(List.of("x <= 2.75", "2.75 < x <= 4.50", "4.50 < x <= 6.25", "x > 6.25"),
                IntStream.range(0, bins.binCount()).mapToObj(bins::condition).toList());
    }

    @Test
    void aValueOnABoundaryBelongsToTheBinBelow() {
        NumericBins bins = Discretizer.QUARTILE.fit("x", ONE_TO_EIGHT);
        assertEquals(0, bins.bin(2.75));
        assertEquals(1, bins.bin(2.7500001));
        assertEquals(2, bins.bin(6.25));
        assertEquals(3, bins.bin(100));
        assertEquals(0, bins.bin(-100));
    }

    @Test
    void decilesOfElevenValues() {
        // 0..10: the p-th percentile is p / 10
        double[] values = IntStream.rangeClosed(0, 10).asDoubleStream().toArray();
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, Discretizer.DECILE.fit("v", values).boundaries(),
                1e-12);
    }

    @Test
    void repeatedBoundariesAreKeptOnce() {
        NumericBins bins = Discretizer.QUARTILE.fit("c", new double[] {0, 0, 0, 0, 0, 0, 1});
        assertArrayEquals(new double[] {0}, bins.boundaries());
        assertEquals(List.of("c <= 0.00", "c > 0.00"), List.of(bins.condition(0), bins.condition(1)));
    }

    @Test
    void entropyBinsSplitWhereTheLabelsChange() {
        // labels 0 0 0 1 1 1 on 1..6: the root splits between 3 and 4 and both sides are pure
        assertArrayEquals(new double[] {3.5}, Discretizer.ENTROPY.fit("x", new double[] {6, 5, 4, 3, 2, 1},
                new int[] {1, 1, 1, 0, 0, 0}).boundaries(), 1e-12);
        // labels 0 1 0 1 on 1..4: every split of the root leaves entropy 0.689 of 1 bit (weighted, times
        // 4: split after 1 -> 3 x 0.918 = 2.755; after 2 -> 4; after 3 -> 2.755); the first best (1.5)
        // wins, then the right side 2..4 (labels 1 0 1) splits after 2 (2.5) or after 3 (3.5) equally:
        // the first, 2.5; its right side 3..4 (0 1) at depth 2 splits at 3.5; depth 3 stops
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, Discretizer.ENTROPY.fit("x", new double[] {1, 2, 3, 4},
                new int[] {0, 1, 0, 1}).boundaries(), 1e-12);
        // one label: no split, the median
        assertArrayEquals(new double[] {2.5}, Discretizer.ENTROPY.fit("x", new double[] {1, 2, 3, 4},
                new int[] {0, 0, 0, 0}).boundaries(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Discretizer.ENTROPY.fit("x", new double[] {1, 2}));
    }

    @Test
    void twoDecimalsRoundAsPythonDoes() {
        assertEquals("0.12", NumericBins.twoDecimals(0.125), "an exact tie: half to even");
        assertEquals("0.38", NumericBins.twoDecimals(0.375));
        assertEquals("2.67", NumericBins.twoDecimals(2.675), "2.675 is 2.67499999... in binary (Java's %.2f: 2.68)");
        assertEquals("-1.50", NumericBins.twoDecimals(-1.5));
    }

    @Test
    void aColumnWithoutValuesOrWithNaNIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Discretizer.QUARTILE.fit("x", new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Discretizer.QUARTILE.fit("x", new double[] {1, Double.NaN}));
    }
}
