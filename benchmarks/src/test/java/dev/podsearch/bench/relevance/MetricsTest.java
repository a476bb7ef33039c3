package dev.podsearch.bench.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final Judgment AT_60S = new Judgment("q1", "keyword", "tune", "hooch", "b", OptionalLong.of(60_000));

    private static Hit hit(String episode, Hit.Moment... moments) {
        return new Hit(episode, List.of(moments));
    }

    @Test
    void expectedEpisodeThirdGivesRecallAndHandComputedRanks() {
        Score s = Metrics.score(AT_60S, List.of(hit("x"), hit("y"), hit("b", new Hit.Moment(80_000, 95_000, 85_000L))));
        assertEquals(3, s.rank());
        assertEquals(1.0, s.recallAt5());
        assertEquals(1.0 / 3, s.reciprocalRankAt10(), 1e-9);
        assertEquals(0.5, s.ndcgAt10(), 1e-9); // 1 / log2(4)
        assertTrue(s.moment()); // matchMs 85 s is 25 s from 60 s
        assertFalse(s.zero());
    }

    @Test
    void momentCountsByMatchElseStartOrBySpanningTheTime() {
        assertFalse(Metrics.score(AT_60S, List.of(hit("b", new Hit.Moment(0, 20_000, 29_999L))))
                .moment());
        assertTrue(Metrics.score(AT_60S, List.of(hit("b", new Hit.Moment(30_000, 40_000, null))))
                .moment());
        assertTrue(Metrics.score(AT_60S, List.of(hit("b", new Hit.Moment(0, 61_000, 5_000L))))
                .moment());
    }

    @Test
    void episodeBelowFiveCountsForRanksButNotRecallOrMoment() {
        List<Hit> hits = List.of(
                hit("a"), hit("c"), hit("d"), hit("e"), hit("f"), hit("b", new Hit.Moment(60_000, 61_000, 60_000L)));
        Score s = Metrics.score(AT_60S, hits);
        assertEquals(6, s.rank());
        assertEquals(0.0, s.recallAt5());
        assertEquals(1.0 / 6, s.reciprocalRankAt10(), 1e-9);
        assertEquals(1 / (Math.log(7) / Math.log(2)), s.ndcgAt10(), 1e-9);
        assertFalse(s.moment());
    }

    @Test
    void missingEpisodeScoresZeroAndNoTimeMeansNoMomentJudgment() {
        Judgment metadata = new Judgment("m", "metadata", "tune", "pocket model", "b", OptionalLong.empty());
        Score s = Metrics.score(metadata, List.of());
        assertEquals(0, s.rank());
        assertEquals(0.0, s.reciprocalRankAt10());
        assertNull(s.moment());
        assertTrue(s.zero());
    }

    @Test
    void summaryAveragesAnswerableQueriesAndCountsAnsweredNoneQueries() {
        Judgment none = new Judgment("n", Judgment.NONE, "tune", "cricket", "", OptionalLong.empty());
        Judgment untimed = new Judgment("m", "metadata", "tune", "x", "b", OptionalLong.empty());
        List<Score> scores = List.of(
                Metrics.score(AT_60S, List.of(hit("b", new Hit.Moment(60_000, 70_000, 60_000L)))), // rank 1, moment
                Metrics.score(AT_60S, List.of(hit("a"), hit("b"))), // rank 2, no moment
                Metrics.score(untimed, List.of()), // missed, zero results
                Metrics.score(none, List.of(hit("a"))), // answered
                Metrics.score(none, List.of()));
        Metrics.Summary s = Metrics.summarize(scores);
        assertEquals(5, s.n());
        assertEquals(2.0 / 3, s.recallAt5(), 1e-9);
        assertEquals((1 + 0.5 + 0) / 3, s.mrrAt10(), 1e-9);
        assertEquals((1 + 1 / (Math.log(3) / Math.log(2))) / 3, s.ndcgAt10(), 1e-9);
        assertEquals(0.5, s.moment(), 1e-9); // over the two timed queries
        assertEquals(1.0 / 3, s.zero(), 1e-9);
        assertEquals(0.5, s.answered(), 1e-9);
    }

    @Test
    void summaryOfOnlyNoneQueriesHasNoRecall() {
        Judgment none = new Judgment("n", Judgment.NONE, "tune", "cricket", "", OptionalLong.empty());
        Metrics.Summary s = Metrics.summarize(List.of(Metrics.score(none, List.of())));
        assertTrue(Double.isNaN(s.recallAt5()));
        assertEquals(0.0, s.answered());
    }
}
