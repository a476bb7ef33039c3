package dev.podsearch.bench.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Judgment PARA = new Judgment("p", "paraphrase", "tune", "q", "b", OptionalLong.of(10_000));
    private static final Judgment PARA_HOLDOUT =
            new Judgment("ph", "paraphrase", "holdout", "q2", "c", OptionalLong.of(100_000));
    private static final Judgment NONE =
            new Judgment("n", Judgment.NONE, "holdout", "cricket", "", OptionalLong.empty());
    private static final Judgment NONE_TUNE =
            new Judgment("nt", Judgment.NONE, "tune", "welding", "", OptionalLong.empty());

    private static final Hit.Moment AT_10S = new Hit.Moment(0, 20_000, 10_000L, "words");
    private static final Hit.Moment AT_100S = new Hit.Moment(90_000, 110_000, 100_000L, Hit.Moment.MEANING);
    private static final Hit.Moment AT_500S = new Hit.Moment(490_000, 510_000, 500_000L, "partial");

    /** Every answerable query finds its episode first with its moment first; no negative is answered. */
    private static List<Score> perfect() {
        return List.of(
                Metrics.score(PARA, List.of(new Hit("b", List.of(AT_10S)))),
                Metrics.score(PARA_HOLDOUT, List.of(new Hit("c", List.of(AT_100S, AT_500S)))),
                Metrics.score(NONE, List.of()),
                Metrics.score(NONE_TUNE, List.of()));
    }

    private static String print(Consumer<Report> what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        what.accept(new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String targets(ModeRun keyword, ModeRun hybrid) {
        Map<String, ModeRun> byMode = new LinkedHashMap<>();
        byMode.put("keyword", keyword);
        byMode.put("hybrid", hybrid);
        return print(report -> report.targets(byMode));
    }

    private static List<String> lines(String out, String prefix) {
        return out.lines().map(String::trim).filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void perfectHybridMeetsEveryTarget() {
        String out = targets(
                new ModeRun(
                        "keyword",
                        List.of(
                                Metrics.score(PARA, List.of()),
                                Metrics.score(PARA_HOLDOUT, List.of(new Hit("c", List.of(AT_100S)))),
                                Metrics.score(NONE, List.of(new Hit("a", List.of(AT_10S)))),
                                Metrics.score(NONE_TUNE, List.of())),
                        Map.of("keyword", 4),
                        0),
                new ModeRun("hybrid", perfect(), Map.of("hybrid", 4), 0));
        assertEquals(
                List.of(
                        "MET      hybrid recall@5 >= 0.98 on holdout (1.00)",
                        "MET      hybrid first@30s >= 0.9 on holdout (1.00)",
                        "MET      hybrid negatives empty >= 0.95, all and holdout (1.00, holdout 1.00;"
                                + " every mode {keyword=0.50, hybrid=1.00})",
                        "MET      hybrid paraphrase recall@5 >= 0.9, all and holdout (1.00, holdout 1.00)",
                        // a paraphrase keyword mode leaves empty is no failure: the floors make empty answers right
                        "MET      hybrid answers every answerable query that shares words with its moment (all kinds"
                                + " but paraphrase; zero-result queries of every kind, per mode: {keyword=1,"
                                + " hybrid=0})"),
                lines(out, "MET "),
                out);
    }

    @Test
    void theRightMomentShownSecondMissesTheFirstMomentTargetAndAnsweredNegativesMissTheirs() {
        List<Score> hybrid = List.of(
                Metrics.score(PARA, List.of(new Hit("b", List.of(AT_10S)))),
                Metrics.score(PARA_HOLDOUT, List.of(new Hit("c", List.of(AT_500S, AT_100S)))),
                Metrics.score(NONE, List.of()),
                Metrics.score(NONE_TUNE, List.of(new Hit("a", List.of(AT_10S)))));
        String out = targets(
                new ModeRun("keyword", perfect(), Map.of("keyword", 4), 0),
                new ModeRun("hybrid", hybrid, Map.of("hybrid", 4), 0));
        assertTrue(out.contains("MET      hybrid recall@5 >= 0.98 on holdout (1.00)"), out);
        assertTrue(out.contains("NOT MET  hybrid first@30s >= 0.9 on holdout (0.00)"), out);
        // judged on all none queries as well as the holdout ones: the tune split's answered negative counts
        assertTrue(
                out.contains("NOT MET  hybrid negatives empty >= 0.95, all and holdout (0.50, holdout 1.00;"
                        + " every mode {keyword=1.00, hybrid=0.50})"),
                out);
    }

    @Test
    void hybridThatRanKeywordMeetsNoHybridTargetEvenWithPerfectScores() {
        ModeRun fallback = new ModeRun("hybrid", perfect(), Map.of("keyword", 4), 4);
        String out = targets(new ModeRun("keyword", perfect(), Map.of("keyword", 4), 4), fallback);
        assertEquals(
                4,
                out.lines()
                        .filter(l -> l.contains("NOT MET") && l.contains("hybrid did not run"))
                        .count(),
                out);
        assertEquals(
                "asked hybrid, the service ran keyword for 4 of 4 (4 answers name no mode: a service without modes)",
                fallback.deviation());
    }

    @Test
    void tableShowsTheNewColumnsAndTheHoldoutSplitOnItsOwn() {
        String out = print(report -> report.table(new ModeRun("hybrid", perfect(), Map.of("hybrid", 4), 0)));
        List<String> headers = lines(out, "kind");
        assertEquals(2, headers.size(), out);
        assertEquals(
                List.of(
                        "kind",
                        "n",
                        "recall@5",
                        "MRR@10",
                        "nDCG@10",
                        "moment@30s",
                        "first@30s",
                        "P@5meaning",
                        "zero",
                        "answered",
                        "empty"),
                tokens(headers.get(0)));
        assertTrue(out.contains("\nhybrid, holdout split only\n"), out);
        List<String> paraphrase = lines(out, "paraphrase");
        // all: two paraphrases, one shown by meaning (the expected episode), one by its words
        assertEquals(
                List.of("paraphrase", "2", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00", "0.00", "-", "-"),
                tokens(paraphrase.get(0)));
        // holdout: the one whose first moment matched by meaning
        assertEquals(
                List.of("paraphrase", "1", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00", "0.00", "-", "-"),
                tokens(paraphrase.get(1)));
        List<String> none = lines(out, "none");
        assertEquals(List.of("none", "2", "-", "-", "-", "-", "-", "-", "-", "0.00", "1.00"), tokens(none.get(0)));
        assertEquals(List.of("none", "1", "-", "-", "-", "-", "-", "-", "-", "0.00", "1.00"), tokens(none.get(1)));
        assertEquals(
                List.of("holdout", "1"), tokens(lines(out, "holdout ").get(0)).subList(0, 2));
        assertEquals(
                List.of("overall", "1"), tokens(lines(out, "overall").get(1)).subList(0, 2)); // holdout answerable
    }

    @Test
    void failuresSayWhyEachQueryFailed() {
        Judgment other = new Judgment("o", "keyword", "tune", "w", "b", OptionalLong.of(500_000));
        Judgment second = new Judgment("s", "natural", "holdout", "x y", "b", OptionalLong.of(500_000));
        List<Score> scores = List.of(
                Metrics.score(PARA, List.of(new Hit("a", List.of()))),
                Metrics.score(other, List.of(new Hit("b", List.of(AT_10S)))),
                Metrics.score(second, List.of(new Hit("b", "Episode B", List.of(AT_10S, AT_500S)))),
                Metrics.score(second, List.of(new Hit("b", List.of(AT_500S, AT_10S)))), // not a failure
                Metrics.score(NONE, List.of(new Hit("a", List.of()))),
                Metrics.score(
                        NONE_TUNE,
                        List.of(
                                new Hit("c", "Tulip Mania\tand more", List.of(AT_100S, AT_10S)),
                                new Hit("a", List.of())),
                        "welting"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Failures.write(
                new ModeRun("keyword", scores, Map.of("keyword", 6), 0),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(13, Failures.HEADER.split("\t").length);
        assertEquals(
                List.of(
                        // shown: where the expected episode's moments are, in the order shown, and how each matched
                        "keyword\tp\tparaphrase\ttune\tepisode\tq\tb\t-\ta\t\t\t\t",
                        "keyword\to\tkeyword\ttune\tmoment\tw\tb\t1\tb\t0:10 words\t\twords\t",
                        "keyword\ts\tnatural\tholdout\tfirst moment\tx y\tb\t1\tb\t0:10 words,8:20 partial\tEpisode B"
                                + "\twords\t",
                        "keyword\tn\tnone\tholdout\tanswered\tcricket\t\t-\ta\t\t\t\t",
                        // an answered negative: its top result's title (tabs flattened), its first moment's match,
                        // and what the service searched instead
                        "keyword\tnt\tnone\ttune\tanswered\twelding\t\t-\tc,a\t\tTulip Mania and more\tmeaning"
                                + "\twelting"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static List<String> tokens(String line) {
        return Arrays.asList(line.trim().split("\\s+"));
    }
}
