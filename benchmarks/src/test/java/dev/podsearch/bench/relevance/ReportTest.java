package dev.podsearch.bench.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Judgment PARA = new Judgment("p", "paraphrase", "tune", "q", "b", OptionalLong.of(10_000));
    private static final Judgment NONE =
            new Judgment("n", Judgment.NONE, "holdout", "cricket", "", OptionalLong.empty());

    private static List<Score> perfect() {
        return List.of(
                Metrics.score(PARA, List.of(new Hit("b", List.of(new Hit.Moment(0, 20_000, 10_000L))))),
                Metrics.score(NONE, List.of()));
    }

    private static String targets(ModeRun keyword, ModeRun hybrid) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, ModeRun> byMode = new LinkedHashMap<>();
        byMode.put("keyword", keyword);
        byMode.put("hybrid", hybrid);
        new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8)).targets(byMode);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void perfectHybridMeetsEveryTarget() {
        String out = targets(
                new ModeRun(
                        "keyword",
                        List.of(Metrics.score(PARA, List.of()), Metrics.score(NONE, List.of())),
                        Map.of("keyword", 2),
                        0),
                new ModeRun("hybrid", perfect(), Map.of("hybrid", 2), 0));
        assertEquals(4, out.lines().filter(l -> l.trim().startsWith("MET ")).count(), out); // the four hybrid ones
        assertTrue(out.contains("zero-result queries: {keyword=1, hybrid=0}"), out);
        assertTrue(out.contains("NOT MET  no answerable query without results"), out);
    }

    @Test
    void hybridThatRanKeywordMeetsNoHybridTargetEvenWithPerfectScores() {
        ModeRun fallback = new ModeRun("hybrid", perfect(), Map.of("keyword", 2), 2);
        String out = targets(new ModeRun("keyword", perfect(), Map.of("keyword", 2), 2), fallback);
        assertEquals(
                4,
                out.lines()
                        .filter(l -> l.contains("NOT MET") && l.contains("hybrid did not run"))
                        .count(),
                out);
        assertEquals(
                "asked hybrid, the service ran keyword for 2 of 2 (2 answers name no mode: a service without modes)",
                fallback.deviation());
    }

    @Test
    void failuresSayWhyEachQueryFailed() {
        Judgment other = new Judgment("o", "keyword", "tune", "w", "b", OptionalLong.of(500_000));
        List<Score> scores = List.of(
                Metrics.score(PARA, List.of(new Hit("a", List.of()))),
                Metrics.score(other, List.of(new Hit("b", List.of(new Hit.Moment(0, 20_000, 10_000L))))),
                Metrics.score(NONE, List.of(new Hit("a", List.of()))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Report(System.out)
                .failures(
                        new ModeRun("keyword", scores, Map.of("keyword", 3), 0),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(
                List.of(
                        // the last column: where the expected episode's shown moments are (none when not found)
                        "keyword\tp\tparaphrase\ttune\tepisode\tq\tb\t-\ta\t",
                        "keyword\to\tkeyword\ttune\tmoment\tw\tb\t1\tb\t0:10",
                        "keyword\tn\tnone\tholdout\tanswered\tcricket\t\t-\ta\t"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
