package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordListTest {

    /** Four words weighing 0.4, 0.3, 0.2 and 0.1 (by rarity). */
    private static final WordStats STATS = WordStats.weighted(new double[] {0.4, 0.3, 0.2, 0.1});

    private static Coverage coverage(String... matched) {
        return Coverage.of(List.of(matched), 4, STATS);
    }

    @Test
    void aHitCountsByTheCubeOfTheShareOfTheQuerysWordsItHas() {
        // every word, the two rarest (0.7), the commonest (0.1); a hit without coverage (found another way) counts
        // fully
        Map<String, Coverage> coverage = Map.of(
                "ep-a:1", coverage("w0", "w1", "w2", "w3"),
                "ep-b:2", coverage("w0", "w1"),
                "ep-c:3", coverage("w3"));
        Fusion.Ranked list = FusedSearch.keywordList(List.of("ep-a:1", "ep-b:2", "ep-c:3", "ep-d:4"), coverage);
        assertEquals(List.of("ep-a:1", "ep-b:2", "ep-c:3", "ep-d:4"), list.ids());
        assertArrayEquals(new double[] {2, 2 * 0.343, 2 * 0.001, 2}, list.weights(), 1e-9);
    }

    @Test
    void twoWordsWrittenAsOneCoverBoth() {
        Coverage joined = coverage("j0", "w2", "w3");
        assertTrue(joined.complete());
        assertEquals(0, joined.tier());
        assertEquals(MatchKind.WORDS, joined.kind(false, 0.5));
    }

    @Test
    void aMomentWithTooFewOfTheWordsIsNoMatchByWords() {
        Coverage common = coverage("w2", "w3"); // 0.3 of the weight: the two commonest words
        assertEquals(0.3, common.weight(), 1e-9);
        assertNull(common.kind(false, 0.5));
        assertEquals(MatchKind.PARTIAL, coverage("w0", "w3").kind(false, 0.5));
    }

    @Test
    void everyWordOnlyWithACorrectionIsASpellingMatchRankedBelowEveryWordAsTyped() {
        Coverage spelled = coverage("w1", "w2", "w3", TextQuery.SPELLED_ALL);
        assertFalse(spelled.complete());
        assertEquals(1, spelled.tier());
        assertEquals(MatchKind.SPELLING, spelled.kind(false, 0.5));
        assertEquals(2, coverage("w0").tier());
    }

    @Test
    void aQueryOfOnlyStrictTermsCountsEveryHitFully() {
        Coverage phraseOnly = Coverage.of(List.of("p0"), 0, WordStats.uniform(0));
        assertTrue(phraseOnly.complete());
        assertEquals(MatchKind.PHRASE, phraseOnly.kind(true, 0.5));
        assertArrayEquals(
                new double[] {2},
                FusedSearch.keywordList(List.of("ep-a:1"), Map.of("ep-a:1", phraseOnly))
                        .weights(),
                1e-12);
    }

    @Test
    void rarerWordsWeighMore() {
        double[] weights = WordStats.fromFrequencies(1000, new long[] {0, 5, 500});
        assertTrue(weights[0] > weights[1] && weights[1] > weights[2]);
        assertEquals(1.0, weights[0] + weights[1] + weights[2], 1e-9);
    }
}
