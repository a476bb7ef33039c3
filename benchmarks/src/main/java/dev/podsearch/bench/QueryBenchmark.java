package dev.podsearch.bench;

import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.stack.ServiceProcess;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What query-service costs on top of the engine, and hybrid search on top of keyword search. A generated corpus is
 * indexed ({@link QueryCorpus}); the packaged service runs with the real embedding model. A fixed mix of searches
 * ({@link QueryMix}) goes to {@code /v1/search} and, as the very request bodies the service builds, straight to
 * OpenSearch, at 1 and at 16 concurrent clients; the same mix in {@code mode=hybrid} against {@code mode=keyword} at 1
 * client, repeated and as searches never asked before; then typeahead. Same machine, same run, so the figures compare.
 */
final class QueryBenchmark {

    private static final String ENGINE_HEAP = "podsearch.opensearch.heap";
    private static final int FRESH_WARMUP = 100;
    private static final int FRESH_MEASURED = 200;

    private QueryBenchmark() {}

    static void run(Options options) throws Exception {
        int episodes = options.integer("episodes", 5000);
        int kilobytes = options.integer("kb", 8);
        int seconds = options.integer("seconds", 15);
        boolean vectors = !"false".equals(options.values().get("vectors"));
        Path repo = Options.repo();
        if (vectors && System.getProperty(ENGINE_HEAP) == null && System.getenv("PODSEARCH_OPENSEARCH_HEAP") == null) {
            // with 512 MB (the stack's default) the vectors' graphs load 2.5 times slower, and an engine died mid-run
            System.setProperty(ENGINE_HEAP, "1g");
        }
        String engineHeap = Objects.requireNonNullElse(
                System.getProperty(ENGINE_HEAP),
                Objects.requireNonNullElse(System.getenv("PODSEARCH_OPENSEARCH_HEAP"), "512m"));
        try (RunningStack stack =
                LocalStack.start(LocalStack.Options.ephemeral(EnumSet.of(LocalStack.Component.OPENSEARCH)))) {
            Map<String, String> properties = stack.quarkusProperties();
            String opensearch = properties.get("opensearch.hosts").split(",")[0];
            QueryCorpus.Loaded loaded = QueryCorpus.load(new Engine(opensearch), episodes, kilobytes, vectors);
            MemoryWatch.trackServices();
            try (ServiceProcess query = ServiceProcess.start(
                    "query-service",
                    repo.resolve("query-service"),
                    0,
                    BenchAccess.properties(repo, properties),
                    repo.resolve("benchmarks/target/logs"))) {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                MemoryWatch memory = MemoryWatch.of(query.pid());
                Duration measure = Duration.ofSeconds(seconds);
                Duration modelWait = ModelReady.await(http, query.url(), Duration.ofMinutes(3));
                List<Call> direct = QueryMix.direct(opensearch);
                List<Call> keyword = QueryMix.service(query.url(), "keyword");
                List<Call> hybrid = QueryMix.service(query.url(), "hybrid");
                List<Call> suggest = QueryMix.suggest(query.url());

                System.err.println("[bench] warming up");
                ConcurrentRun.drive(http, direct, 4, Duration.ofSeconds(Math.max(5, seconds / 2)));
                JitActivity jit = new JitActivity(query.pid());
                JitActivity.Warmup searchWarmup =
                        QueryWarmup.untilSettled("/v1/search", http, keyword, 16, Duration.ofSeconds(10), jit);
                List<String> warmTexts = QueryMix.fresh(0, FRESH_WARMUP);
                PairedRun.once( // the embedding path too, with searches never measured
                        http,
                        QueryMix.words(query.url(), "hybrid", warmTexts),
                        QueryMix.words(query.url(), "keyword", warmTexts),
                        new Answers[] {new Answers(), new Answers()});
                JitActivity.Warmup hybridWarmup = QueryWarmup.untilSettled(
                        "/v1/search?mode=hybrid", http, hybrid, 16, Duration.ofSeconds(10), jit);
                JitActivity.Warmup suggestWarmup =
                        QueryWarmup.untilSettled("/v1/suggest", http, suggest, 4, Duration.ofSeconds(5), jit);

                System.err.println("[bench] measuring");
                double jitBefore = jit.cpuSeconds();
                Answers[] paired = {new Answers(), new Answers()};
                Result[] keyword1 = PairedRun.forDuration(http, direct, keyword, measure.multipliedBy(2), paired);
                Answers[] modes = {new Answers(), new Answers()};
                Result[] hybrid1 = PairedRun.forDuration(http, hybrid, keyword, measure.multipliedBy(2), modes);
                List<String> freshTexts = QueryMix.fresh(FRESH_WARMUP, FRESH_MEASURED);
                Answers[] fresh = {new Answers(), new Answers()};
                Result[] fresh1 = PairedRun.once(
                        http,
                        QueryMix.words(query.url(), "hybrid", freshTexts),
                        QueryMix.words(query.url(), "keyword", freshTexts),
                        fresh);
                double jitDuring = jit.cpuSeconds() - jitBefore;
                double pairedSeconds = keyword1[0].seconds()
                        + keyword1[1].seconds()
                        + hybrid1[0].seconds()
                        + hybrid1[1].seconds()
                        + fresh1[0].seconds()
                        + fresh1[1].seconds();

                Duration half = measure.dividedBy(2);
                Result direct16 = ConcurrentRun.drive(http, direct, 16, half);
                Result service16 = ConcurrentRun.drive(http, keyword, 16, half);
                direct16 = direct16.plus(ConcurrentRun.drive(http, direct, 16, half));
                service16 = service16.plus(ConcurrentRun.drive(http, keyword, 16, half));
                Result typeahead = ConcurrentRun.drive(http, suggest, 1, measure);
                // the floor under the 1-client gap: the service adds one HTTP exchange with threads that were idle
                List<Double> idle = IdleExchange.measure(
                        http,
                        (int) (keyword1[1].bytes() / Math.max(1, keyword1[1].count())),
                        Duration.ofMillis(20),
                        300);

                QueryReport.print(
                        episodes,
                        kilobytes,
                        vectors,
                        new QueryReport.Keyword(keyword1[0], keyword1[1], paired[1], direct16, service16, typeahead),
                        new QueryReport.Hybrid(
                                hybrid1[1], modes[1], hybrid1[0], modes[0], fresh1[1], fresh[1], fresh1[0], fresh[0]));
                System.out.printf(
                        "  floor:      one HTTP exchange with an idle do-nothing server (the same client, answers of the"
                                + " service's mean size, after 20 ms pauses): p50 %.2f ms%n",
                        Stats.percentile(idle, 50));
                System.out.printf(
                        "  corpus:     %d documents%s, %.0f bytes per moment on disk (primaries), engine heap %s: bulk"
                                + " %.0f s, refresh and merge %.0f s; the model answered %.0f s after the service was"
                                + " ready%n",
                        loaded.documents(),
                        vectors ? " (moments with vectors)" : "",
                        loaded.bytesPerMoment(),
                        engineHeap,
                        loaded.bulkSeconds(),
                        loaded.mergeSeconds(),
                        modelWait.toMillis() / 1000.0);
                memory.close();
                System.out.printf("  memory:     query-service, the model loaded: %s%n", memory.describe());
                if (jit.readable()) {
                    System.out.printf(
                            "  warm-up:    /v1/search %s, mode=hybrid %s, /v1/suggest %s; during the 1-client runs"
                                    + " the service's JIT compilers used %.1f %% of a core%n",
                            QueryWarmup.describe(searchWarmup),
                            QueryWarmup.describe(hybridWarmup),
                            QueryWarmup.describe(suggestWarmup),
                            100 * jitDuring / pairedSeconds);
                }
            }
        }
    }
}
