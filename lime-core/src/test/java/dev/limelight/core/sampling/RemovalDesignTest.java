package dev.limelight.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reference's text design: row 0 whole, every other row removes k ~ U{1..d} distinct features. */
class RemovalDesignTest {

    @Test
    void rowZeroIsTheOriginalWithEveryFeaturePresent() {
        SampleMatrix s = SampleMatrix.draw(50, 7, 3, SamplingDesign.REMOVAL);
        assertEquals(7, s.keptCount(0));
    }

    @Test
    void everyOtherRowRemovesBetweenOneAndAllFeatures() {
        SampleMatrix s = SampleMatrix.draw(2000, 6, 3, SamplingDesign.REMOVAL);
        int[] removedCounts = new int[7];
        for (int i = 1; i < s.samples(); i++) {
            int removed = 6 - s.keptCount(i);
            assertTrue(removed >= 1 && removed <= 6, "row " + i + " removes " + removed);
            removedCounts[removed]++;
        }
        for (int k = 1; k <= 6; k++) {
            // k ~ U{1..6}: about 333 rows each; a 5-sigma band is 333 +- 80
            assertTrue(Math.abs(removedCounts[k] - 1999 / 6.0) < 80, "k=" + k + " drawn " + removedCounts[k] + " times");
        }
    }

    @Test
    void everyFeatureIsRemovedEquallyOften() {
        SampleMatrix s = SampleMatrix.draw(3001, 5, 11, SamplingDesign.REMOVAL);
        for (int f = 0; f < 5; f++) {
            int removed = 0;
            for (int i = 1; i < s.samples(); i++) {
                removed += s.keeps(i, f) ? 0 : 1;
            }
            // P(removed) = E[k]/d = 3/5: 1800 of 3000, 5 sigma about 135
            assertTrue(Math.abs(removed - 1800) < 135, "feature " + f + " removed " + removed + " times");
        }
    }

    @Test
    void theSameSeedDrawsTheSameMatrix() {
        assertEquals(SampleMatrix.draw(300, 20, 42, SamplingDesign.REMOVAL).toDoubleMatrix(), SampleMatrix.draw(300, 20, 42, SamplingDesign.REMOVAL).toDoubleMatrix());
    }

    @Test
    void anotherSeedDrawsAnotherMatrix() {
        assertFalse(SampleMatrix.draw(300, 20, 42, SamplingDesign.REMOVAL).toDoubleMatrix().equals(SampleMatrix.draw(300, 20, 43, SamplingDesign.REMOVAL).toDoubleMatrix()));
    }

    @Test
    void aTextWithoutFeaturesCannotBeSampled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleMatrix.draw(10, 0, 1, SamplingDesign.REMOVAL));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
    }
}
