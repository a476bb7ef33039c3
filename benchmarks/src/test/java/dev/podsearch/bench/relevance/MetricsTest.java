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
    void firstAtThirtySecondsCountsOnlyTheFirstMomentShown() {
        Hit.Moment far = new Hit.Moment(200_000, 220_000, 205_000L, "words");
        Hit.Moment near = new Hit.Moment(55_000, 75_000, 58_000L, "words");
        Score secondShown = Metrics.score(AT_60S, List.of(hit("a"), hit("b", far, near)));
        assertTrue(secondShown.moment());
        assertFalse(secondShown.first());
        Score firstShown = Metrics.score(AT_60S, List.of(hit("b", near, far)));
        assertTrue(firstShown.moment());
        assertTrue(firstShown.first());
        // by the start when there is no match time, or by spanning the expected time
        assertTrue(Metrics.score(AT_60S, List.of(hit("b", new Hit.Moment(85_000, 95_000, null), far)))
                .first());
        assertTrue(Metrics.score(AT_60S, List.of(hit("b", new Hit.Moment(0, 61_000, 1_000L), far)))
                .first());
    }

    @Test
    void firstMomentFailsBelowTheTopFiveOrWithNoMomentAndIsNotJudgedWithoutATime() {
        Hit.Moment near = new Hit.Moment(60_000, 70_000, 60_000L);
        Score sixth = Metrics.score(AT_60S, List.of(hit("a"), hit("c"), hit("d"), hit("e"), hit("f"), hit("b", near)));
        assertFalse(sixth.first());
        assertFalse(Metrics.score(AT_60S, List.of(hit("b"))).first());
        Judgment untimed = new Judgment("m", "metadata", "tune", "x", "b", OptionalLong.empty());
        assertNull(Metrics.score(untimed, List.of(hit("b", near))).first());
    }

    @Test
    void summaryAveragesFirstOverTimedQueries() {
        Hit.Moment near = new Hit.Moment(60_000, 70_000, 60_000L);
        Hit.Moment far = new Hit.Moment(300_000, 310_000, 300_000L);
        Metrics.Summary s = Metrics.summarize(List.of(
                Metrics.score(AT_60S, List.of(hit("b", near, far))), // first and moment
                Metrics.score(AT_60S, List.of(hit("b", far, near))), // moment, not first
                Metrics.score(AT_60S, List.of(hit("b", far))), // neither
                Metrics.score(AT_60S, List.of(hit("b", near))))); // first and moment
        assertEquals(0.75, s.moment(), 1e-9);
        assertEquals(0.5, s.first(), 1e-9);
    }

    @Test
    void meaningPrecisionPoolsTheTopFivesResultsWhoseFirstMomentIsMeaningOnly() {
        Hit.Moment meaning = new Hit.Moment(0, 10_000, 0L, Hit.Moment.MEANING);
        Hit.Moment words = new Hit.Moment(0, 10_000, 0L, "words");
        Judgment none = new Judgment("n", Judgment.NONE, "tune", "cricket", "", OptionalLong.empty());
        Score answerable = Metrics.score(
                AT_60S,
                List.of(
                        hit("a", meaning), // meaning only, wrong
                        hit("b", meaning, words), // meaning only first: the expected episode
                        hit("c", words, meaning), // first moment by its words: not counted
                        hit("d"), // no moment: not counted
                        hit("e", meaning), // meaning only, wrong
                        hit("f", meaning))); // sixth: outside the top 5
        assertEquals(3, answerable.meaningTop5());
        assertEquals(1, answerable.meaningRelevant());
        Score negative = Metrics.score(none, List.of(hit("a", meaning), hit("c", words)));
        assertEquals(1, negative.meaningTop5());
        assertEquals(0, negative.meaningRelevant());
        assertEquals(1.0 / 4, Metrics.summarize(List.of(answerable, negative)).meaningPrecision(), 1e-9);
        assertEquals(0.0, Metrics.summarize(List.of(negative)).meaningPrecision());
    }

    @Test
    void meaningPrecisionIsUndefinedWhenNoResultIsMeaningOnlyAsFromAServiceThatDoesNotSay() {
        Score older = Metrics.score(AT_60S, List.of(hit("b", new Hit.Moment(60_000, 70_000, 60_000L))));
        assertEquals(0, older.meaningTop5());
        assertTrue(Double.isNaN(Metrics.summarize(List.of(older)).meaningPrecision()));
    }

    @Test
    void negativesEmptyIsTheShareOfNoneQueriesThatReturnedNothing() {
        Judgment none = new Judgment("n", Judgment.NONE, "tune", "cricket", "", OptionalLong.empty());
        Metrics.Summary s = Metrics.summarize(List.of(
                Metrics.score(none, List.of()),
                Metrics.score(none, List.of()),
                Metrics.score(none, List.of()),
                Metrics.score(none, List.of(hit("a")))));
        assertEquals(0.25, s.answered(), 1e-9);
        assertEquals(0.75, s.negativesEmpty(), 1e-9);
        assertTrue(Double.isNaN(
                Metrics.summarize(List.of(Metrics.score(AT_60S, List.of()))).negativesEmpty()));
    }

    @Test
    void scoreKeepsTheTopResultsTitleItsFirstMomentsMatchAndTheCorrection() {
        Judgment none = new Judgment("n", Judgment.NONE, "tune", "zorblax", "", OptionalLong.empty());
        Score s = Metrics.score(
                none,
                List.of(new Hit("a", "Walk-Off in the Twelfth", List.of(new Hit.Moment(0, 1, 0L, "spelling")))),
                "zorba");
        assertEquals("Walk-Off in the Twelfth", s.topTitle());
        assertEquals("spelling", s.topMatchedBy());
        assertEquals("zorba", s.corrected());
        Score empty = Metrics.score(none, List.of());
        assertNull(empty.topTitle());
        assertNull(empty.topMatchedBy());
        assertNull(empty.corrected());
    }

    @Test
    void summaryOfOnlyNoneQueriesHasNoRecall() {
        Judgment none = new Judgment("n", Judgment.NONE, "tune", "cricket", "", OptionalLong.empty());
        Metrics.Summary s = Metrics.summarize(List.of(Metrics.score(none, List.of())));
        assertTrue(Double.isNaN(s.recallAt5()));
        assertEquals(0.0, s.answered());
    }
}
