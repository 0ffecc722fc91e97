package dev.limelight.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.Neighbourhood;
import org.junit.jupiter.api.Test;

class SyntheticNeighbourhoodsTest {

    @Test
    void textLikeRowsRemoveAtLeastOneWordAndRowZeroIsTheOriginal() {
        Neighbourhood n = SyntheticNeighbourhoods.textLike(200, 30, 1);
        double[][] z = n.data().toDoubleMatrix();
        assertEquals(30.0, sum(z[0]));
        for (int i = 1; i < z.length; i++) {
            assertTrue(sum(z[i]) <= 29, "row " + i + " removes at least one word");
        }
        assertEquals(0, n.distances()[0], 1e-12);
        assertTrue(n.distances()[1] > 0 && n.distances()[1] <= 100);
    }

    @Test
    void theSameSeedGivesTheSameNeighbourhood() {
        Neighbourhood a = SyntheticNeighbourhoods.imageLike(100, 10, 5);
        Neighbourhood b = SyntheticNeighbourhoods.imageLike(100, 10, 5);
        assertEquals(a.data(), b.data());
        assertEquals(a.predictions(), b.predictions());
        assertArrayEquals(a.distances(), b.distances());
    }

    private static double sum(double[] row) {
        double s = 0;
        for (double v : row) {
            s += v;
        }
        return s;
    }
}
