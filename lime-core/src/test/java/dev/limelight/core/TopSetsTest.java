package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Jaccard index of top sets, alone and over all pairs. */
class TopSetsTest {

    @Test
    void jaccardIsSharedOverJoined() {
        assertEquals(1.0, TopSets.jaccard(Set.of(1, 2, 3), Set.of(3, 2, 1)));
        assertEquals(4.0 / 6, TopSets.jaccard(Set.of(1, 2, 3, 4, 5), Set.of(1, 2, 3, 4, 6)), 1e-12);
        assertEquals(0.0, TopSets.jaccard(Set.of(1), Set.of(2)));
        assertEquals(1.0, TopSets.jaccard(Set.of(), Set.of()), "two empty sets agree");
    }

    @Test
    void meanPairwiseAveragesEveryPair() {
        List<Set<Integer>> sets = List.of(Set.of(1, 2), Set.of(1, 2), Set.of(1, 3));
        // pairs: 1, 1/3, 1/3
        assertEquals((1 + 1.0 / 3 + 1.0 / 3) / 3, TopSets.meanPairwiseJaccard(sets), 1e-12);
        assertEquals(1.0, TopSets.meanPairwiseJaccard(List.of(Set.of(7))), "one set has nothing to disagree with");
    }
}
