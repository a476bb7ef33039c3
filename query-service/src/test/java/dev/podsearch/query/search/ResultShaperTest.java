package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.search.MomentDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultShaperTest {

    /** Two words: the rare one weighs 0.6, the common one 0.4. */
    private static final Matching MATCHING = new Matching(2, false, WordStats.weighted(new double[] {0.6, 0.4}), 0.5);

    private static EngineResponse.Hit moment(int ordinal, String text, String... matched) {
        MomentDocument m = new MomentDocument(
                "ep",
                1,
                ordinal,
                ordinal,
                ordinal * 10_000L,
                ordinal * 10_000L + 10_000,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new EngineResponse.Hit(
                "ep:" + ordinal, 1.0, m, Map.of("text", List.of(text)), null, null, List.of(matched));
    }

    private static EngineResponse.Hit episode(EngineResponse.Hit... moments) {
        return new EngineResponse.Hit(
                "ep:0",
                1.0,
                moments[0].source(),
                null,
                Map.of(ResultShaper.BEST, new EngineResponse.InnerHits(new EngineResponse.Hits(List.of(moments)))),
                null,
                null);
    }

    @Test
    void anEpisodeShowsItsBestTierOfMomentsBestFirstSayingHowEachMatched() {
        SearchResults.Result result = ResultShaper.episode(
                episode(
                        moment(3, "the rare word alone", "w0"),
                        moment(1, "both the rare and the common", "w0", "w1"),
                        moment(2, "the common word alone", "w1")),
                3,
                MATCHING,
                SearchParameters.MomentOrder.RELEVANCE);
        // the every-word moment only: the some-words ones are a lower tier
        assertEquals(
                List.of(10_000L),
                result.moments().stream().map(SearchResults.Moment::startMs).toList());
        assertEquals(MatchKind.WORDS, result.moments().getFirst().matchedBy());
    }

    @Test
    void someWordsMomentsComeBestFirstOrByTimeAndTooFewWordsAreLeftOut() {
        EngineResponse.Hit episode = episode(
                moment(5, "the rare word, later", "w0"),
                moment(2, "the rare word, earlier", "w0"),
                moment(1, "x", "w1"));
        SearchResults.Result best = ResultShaper.episode(episode, 3, MATCHING, SearchParameters.MomentOrder.RELEVANCE);
        assertEquals(
                List.of(50_000L, 20_000L),
                best.moments().stream().map(SearchResults.Moment::startMs).toList());
        assertEquals(MatchKind.PARTIAL, best.moments().getFirst().matchedBy());
        SearchResults.Result byTime = ResultShaper.episode(episode, 3, MATCHING, SearchParameters.MomentOrder.TIME);
        assertEquals(
                List.of(20_000L, 50_000L),
                byTime.moments().stream().map(SearchResults.Moment::startMs).toList());
    }

    @Test
    void anEpisodeTheEngineAdmittedJustUnderTheFloorStillShowsItsBestMoment() {
        SearchResults.Result result = ResultShaper.episode(
                episode(moment(4, "the common word", "w1")), 3, MATCHING, SearchParameters.MomentOrder.RELEVANCE);
        assertEquals(
                List.of(40_000L),
                result.moments().stream().map(SearchResults.Moment::startMs).toList());
        assertEquals(MatchKind.PARTIAL, result.moments().getFirst().matchedBy());
    }
}
