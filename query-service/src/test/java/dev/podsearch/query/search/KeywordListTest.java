package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordListTest {

    private static EngineResponse.Hit hit(String id, Double score) {
        return new EngineResponse.Hit(id, score, null, null, null, null);
    }

    @Test
    void aHitCountsByTheCubeOfTheShareOfTheQuerysWordsItHas() {
        // four words: all four (tier 4, BM25 on top), two of four, one of four, and a hit without a score
        EngineResponse keyword = new EngineResponse(
                1,
                new EngineResponse.Hits(List.of(
                        hit("ep-a:1", 4 * TextQuery.COVER + 37.5),
                        hit("ep-b:2", 2 * TextQuery.COVER + 99.9),
                        hit("ep-c:3", 1 * TextQuery.COVER + 0.1),
                        hit("ep-d:4", null))),
                null,
                null,
                null);
        Fusion.Ranked list = FusedSearch.keywordList(4, keyword);
        assertEquals(List.of("ep-a:1", "ep-b:2", "ep-c:3", "ep-d:4"), list.ids());
        assertArrayEquals(new double[] {2, 2 * 0.125, 2 / 64.0, 2}, list.weights(), 1e-12);
    }

    @Test
    void aQueryOfOnlyStrictTermsCountsEveryHitFully() {
        EngineResponse keyword =
                new EngineResponse(1, new EngineResponse.Hits(List.of(hit("ep-a:1", 3.2))), null, null, null);
        assertArrayEquals(new double[] {2}, FusedSearch.keywordList(0, keyword).weights(), 1e-12);
    }
}
