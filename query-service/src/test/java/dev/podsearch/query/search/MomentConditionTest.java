package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The word floor written out as sets of words: the least sets whose weights reach it. */
class MomentConditionTest {

    @Test
    void listsTheLeastSetsOfWordsThatReachTheFloor() {
        WordStats stats = WordStats.weighted(new double[] {0.5, 0.3, 0.2});
        // {0} alone reaches 0.5; without it, {1, 2} together; {0, 1} and the others are not least
        assertEquals(List.of(0b001, 0b110), MomentCondition.leastSets(3, stats, 0.5 - 0.0001));
    }

    @Test
    void equalWeightsNeedHalfTheWords() {
        WordStats stats = WordStats.uniform(4);
        assertEquals(
                List.of(0b0011, 0b0101, 0b0110, 0b1001, 0b1010, 0b1100),
                MomentCondition.leastSets(4, stats, 0.5 - 0.0001));
    }

    @Test
    void aRareWordAloneSuffices() {
        WordStats stats = WordStats.weighted(new double[] {0.9, 0.05, 0.05});
        assertEquals(List.of(0b001), MomentCondition.leastSets(3, stats, 0.5 - 0.0001));
    }
}
