package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static final double[] EQUAL = {1, 1};

    @Test
    void momentsInBothListsOutrankThoseInOneAndRanksNotScoresAreFused() {
        List<Fusion.Moment> fused = Fusion.moments(List.of(List.of("a:0", "b:0", "c:0"), List.of("c:0", "d:0")), EQUAL);
        assertEquals(
                List.of("c:0", "a:0", "b:0", "d:0"),
                fused.stream().map(Fusion.Moment::id).toList());
        assertEquals(1.0 / 63 + 1.0 / 61, fused.getFirst().score(), 1e-12);
        assertEquals(1.0 / 61, fused.get(1).score(), 1e-12);
    }

    @Test
    void anEpisodeIsRankedInEachListWhereItsBestMomentIsAndKeepsItsMomentsBestFirst() {
        List<Fusion.Episode> fused = Fusion.episodes(
                List.of(
                        List.of("ep-a:3", "ep-a:1", "ep-b:0"), // keyword: a first, b second
                        List.of("ep-b:2", "ep-c:0", "ep-a:1")), // meaning: b, c, a
                EQUAL);
        assertEquals(
                List.of("ep-b", "ep-a", "ep-c"),
                fused.stream().map(Fusion.Episode::id).toList());
        assertEquals(1.0 / 62 + 1.0 / 61, fused.getFirst().score(), 1e-12);
        assertEquals(List.of("ep-a:1", "ep-a:3"), fused.get(1).moments());
        assertEquals("ep:with:colons", Fusion.episodeOf("ep:with:colons:12"));
    }

    @Test
    void aWeightedListCountsMoreAndEachListsBestMomentOfAnEpisodeComesFirst() {
        List<Fusion.Episode> fused = Fusion.episodes(
                List.of(List.of("ep-a:0", "ep-b:0", "ep-a:5"), List.of("ep-b:1", "ep-a:1")), new double[] {2, 1});
        assertEquals(
                List.of("ep-a", "ep-b"), fused.stream().map(Fusion.Episode::id).toList());
        assertEquals(2.0 / 61 + 1.0 / 62, fused.getFirst().score(), 1e-12);
        // the meaning list's best moment of ep-a, then the keyword list's, then the rest
        assertEquals(List.of("ep-a:1", "ep-a:0", "ep-a:5"), fused.getFirst().moments());
    }
}
