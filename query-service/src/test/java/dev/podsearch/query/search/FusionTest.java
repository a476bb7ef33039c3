package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static List<Fusion.Ranked> equal(List<String> keyword, List<String> meaning) {
        return List.of(Fusion.Ranked.uniform(keyword, 1), Fusion.Ranked.uniform(meaning, 1));
    }

    @Test
    void momentsInBothListsOutrankThoseInOneAndRanksNotScoresAreFused() {
        List<Fusion.Moment> fused = Fusion.moments(equal(List.of("a:0", "b:0", "c:0"), List.of("c:0", "d:0")));
        assertEquals(
                List.of("c:0", "a:0", "b:0", "d:0"),
                fused.stream().map(Fusion.Moment::id).toList());
        assertEquals(1.0 / 63 + 1.0 / 61, fused.getFirst().score(), 1e-12);
        assertEquals(1.0 / 61, fused.get(1).score(), 1e-12);
    }

    @Test
    void anEpisodeIsRankedInEachListWhereItsBestMomentIsAndKeepsItsMomentsBestFirst() {
        List<Fusion.Episode> fused = Fusion.episodes(equal(
                List.of("ep-a:3", "ep-a:1", "ep-b:0"), // keyword: a first, b second
                List.of("ep-b:2", "ep-c:0", "ep-a:1"))); // meaning: b, c, a
        assertEquals(
                List.of("ep-b", "ep-a", "ep-c"),
                fused.stream().map(Fusion.Episode::id).toList());
        assertEquals(1.0 / 62 + 1.0 / 61, fused.getFirst().score(), 1e-12);
        assertEquals(List.of("ep-a:1", "ep-a:3"), fused.get(1).moments());
        assertEquals("ep:with:colons", Fusion.episodeOf("ep:with:colons:12"));
    }

    @Test
    void aWeightedListCountsMoreAndAnEpisodesMomentsComeByFusedScore() {
        List<Fusion.Episode> fused = Fusion.episodes(List.of(
                Fusion.Ranked.uniform(List.of("ep-a:0", "ep-b:0", "ep-a:5"), 2),
                Fusion.Ranked.uniform(List.of("ep-b:1", "ep-a:1"), 1)));
        assertEquals(
                List.of("ep-a", "ep-b"), fused.stream().map(Fusion.Episode::id).toList());
        assertEquals(2.0 / 61 + 1.0 / 62, fused.getFirst().score(), 1e-12);
        // ep-a:0 (2/61), ep-a:5 (2/63), ep-a:1 (1/62)
        assertEquals(List.of("ep-a:0", "ep-a:5", "ep-a:1"), fused.getFirst().moments());
    }

    @Test
    void wordsComeBeforeMeaningEpisodesByTheirBestTierAndMomentsByTheirs() {
        // fused: ep-m (meaning only) first; ep-w has a moment with every word (tier 0) and one by meaning (3)
        List<Fusion.Episode> fused = List.of(
                new Fusion.Episode("ep-m", 0.05, List.of("ep-m:0")),
                new Fusion.Episode("ep-p", 0.04, List.of("ep-p:3", "ep-p:1")),
                new Fusion.Episode("ep-w", 0.03, List.of("ep-w:4", "ep-w:2")));
        java.util.Map<String, Integer> tiers =
                java.util.Map.of("ep-m:0", 3, "ep-p:3", 3, "ep-p:1", 2, "ep-w:4", 3, "ep-w:2", 0);
        List<Fusion.Episode> tiered = Fusion.tiered(fused, tiers::get);
        // ep-w (every word) first; ep-p (some words) and ep-m (meaning) are one tier: fused order
        assertEquals(
                List.of("ep-w", "ep-m", "ep-p"),
                tiered.stream().map(Fusion.Episode::id).toList());
        assertEquals(List.of("ep-w:2", "ep-w:4"), tiered.getFirst().moments());
        // within an episode, some words before meaning alone
        assertEquals(List.of("ep-p:1", "ep-p:3"), tiered.get(2).moments());
    }

    @Test
    void eachItemCountsItsOwnWeightSoAWeakKeywordHitGivesWayToTheMeaningListsOrder() {
        // keyword: ep-a:7 has one word of many (weight 0.1), ep-a:2 all of them (2); meaning: ep-a:4, then ep-b:0
        List<Fusion.Ranked> lists = List.of(
                new Fusion.Ranked(List.of("ep-a:7", "ep-a:2"), new double[] {0.1, 2}),
                Fusion.Ranked.uniform(List.of("ep-a:4", "ep-b:0"), 1));
        assertEquals(
                List.of("ep-a:2", "ep-a:4", "ep-b:0", "ep-a:7"),
                Fusion.moments(lists).stream().map(Fusion.Moment::id).toList());
        // ep-a's score in the keyword list is its best hit's (ep-a:7, rank 1) weight: 0.1 / 61
        Fusion.Episode a = Fusion.episodes(lists).getFirst();
        assertEquals("ep-a", a.id());
        assertEquals(0.1 / 61 + 1.0 / 61, a.score(), 1e-12);
    }

    @Test
    void aListNeedsOneWeightPerItem() {
        assertThrows(IllegalArgumentException.class, () -> new Fusion.Ranked(List.of("a:0", "b:0"), new double[] {1}));
    }
}
