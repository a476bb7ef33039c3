package dev.podsearch.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * {@code bench query}'s runs against the targets ({@link QueryTargets}): the warm-up of every path until the
 * instances' JIT compilers have settled, then the 1-client pairs (direct against keyword, hybrid against keyword,
 * new searches), the 16-client rounds and typeahead.
 */
final class QueryRuns {

    private static final int FRESH_WARMUP = 100;
    private static final int FRESH_MEASURED = 200;

    /** Everything measured, and how the warm-up went. */
    record Measured(
            QueryReport.Keyword keyword,
            QueryReport.Hybrid hybrid,
            JitActivity.Warmup searchWarmup,
            JitActivity.Warmup hybridWarmup,
            JitActivity.Warmup suggestWarmup,
            double jitShare) {}

    private QueryRuns() {}

    static Measured run(HttpClient http, QueryTargets targets, JitActivity jit, Duration measure) throws Exception {
        System.err.println("[bench] warming up");
        ConcurrentRun.drive(http, targets.direct16(), 4, Duration.ofSeconds(Math.max(5, measure.toSeconds() / 2)));
        JitActivity.Warmup searchWarmup =
                QueryWarmup.untilSettled("/v1/search", http, targets.keyword(), 16, Duration.ofSeconds(10), jit);
        List<String> warmTexts = QueryMix.fresh(0, FRESH_WARMUP);
        PairedRun.once( // the embedding path too, with searches never measured
                http, targets.words("hybrid", warmTexts), targets.words("keyword", warmTexts), new Answers[] {
                    new Answers(), new Answers()
                });
        JitActivity.Warmup hybridWarmup = QueryWarmup.untilSettled(
                "/v1/search?mode=hybrid", http, targets.hybrid(), 16, Duration.ofSeconds(10), jit);
        JitActivity.Warmup suggestWarmup =
                QueryWarmup.untilSettled("/v1/suggest", http, targets.suggest(), 4, Duration.ofSeconds(5), jit);

        System.err.println("[bench] measuring");
        double jitBefore = jit.cpuSeconds();
        Answers[] paired = {new Answers(), new Answers()};
        Result[] keyword1 =
                PairedRun.forDuration(http, targets.direct(), targets.keyword(), measure.multipliedBy(2), paired);
        Answers[] modes = {new Answers(), new Answers()};
        Result[] hybrid1 =
                PairedRun.forDuration(http, targets.hybrid(), targets.keyword(), measure.multipliedBy(2), modes);
        List<String> freshTexts = QueryMix.fresh(FRESH_WARMUP, FRESH_MEASURED);
        Answers[] fresh = {new Answers(), new Answers()};
        Result[] fresh1 =
                PairedRun.once(http, targets.words("hybrid", freshTexts), targets.words("keyword", freshTexts), fresh);
        double jitDuring = jit.cpuSeconds() - jitBefore;
        double pairedSeconds = keyword1[0].seconds()
                + keyword1[1].seconds()
                + hybrid1[0].seconds()
                + hybrid1[1].seconds()
                + fresh1[0].seconds()
                + fresh1[1].seconds();

        Duration half = measure.dividedBy(2);
        Result direct16 = ConcurrentRun.drive(http, targets.direct16(), 16, half);
        Result service16 = ConcurrentRun.drive(http, targets.keyword(), 16, half);
        direct16 = direct16.plus(ConcurrentRun.drive(http, targets.direct16(), 16, half));
        service16 = service16.plus(ConcurrentRun.drive(http, targets.keyword(), 16, half));
        Result typeahead = ConcurrentRun.drive(http, targets.suggest(), 1, measure);
        return new Measured(
                new QueryReport.Keyword(keyword1[0], keyword1[1], paired[1], direct16, service16, typeahead),
                new QueryReport.Hybrid(
                        hybrid1[1], modes[1], hybrid1[0], modes[0], fresh1[1], fresh[1], fresh1[0], fresh[0]),
                searchWarmup,
                hybridWarmup,
                suggestWarmup,
                jitDuring / pairedSeconds / jit.processes());
    }
}
