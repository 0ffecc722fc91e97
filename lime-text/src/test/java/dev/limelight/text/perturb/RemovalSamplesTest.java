package dev.limelight.text.perturb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RemovalSamplesTest {

    @Test
    void rowZeroIsTheOriginalWithEveryFeaturePresent() {
        RemovalSamples s = RemovalSamples.draw(50, 7, 3);
        assertEquals(7, s.presentCount(0));
    }

    @Test
    void everyOtherRowRemovesBetweenOneAndAllFeatures() {
        RemovalSamples s = RemovalSamples.draw(2000, 6, 3);
        int[] removedCounts = new int[7];
        for (int i = 1; i < s.samples(); i++) {
            int removed = 6 - s.presentCount(i);
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
        RemovalSamples s = RemovalSamples.draw(3001, 5, 11);
        for (int f = 0; f < 5; f++) {
            int removed = 0;
            for (int i = 1; i < s.samples(); i++) {
                removed += s.isPresent(i, f) ? 0 : 1;
            }
            // P(removed) = E[k]/d = 3/5: 1800 of 3000, 5 sigma about 135
            assertTrue(Math.abs(removed - 1800) < 135, "feature " + f + " removed " + removed + " times");
        }
    }

    @Test
    void theSameSeedDrawsTheSameMatrix() {
        assertEquals(RemovalSamples.draw(300, 20, 42).toMatrix(), RemovalSamples.draw(300, 20, 42).toMatrix());
    }

    @Test
    void anotherSeedDrawsAnotherMatrix() {
        assertFalse(RemovalSamples.draw(300, 20, 42).toMatrix().equals(RemovalSamples.draw(300, 20, 43).toMatrix()));
    }

    @Test
    void aTextWithoutFeaturesCannotBeSampled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RemovalSamples.draw(10, 0, 1));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
    }
}
