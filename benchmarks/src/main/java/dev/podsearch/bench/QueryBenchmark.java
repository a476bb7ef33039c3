package dev.podsearch.bench;

import dev.podsearch.stack.LocalStack;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * What query-service costs on top of the engine, and hybrid search on top of keyword search. A generated corpus is
 * indexed ({@link QueryCorpus}); the packaged service runs with the real embedding model. A fixed mix of searches
 * ({@link QueryMix}) goes to {@code /v1/search} and, as the very request bodies the service builds, straight to
 * OpenSearch, at 1 and at 16 concurrent clients; the same mix in {@code mode=hybrid} against {@code mode=keyword} at 1
 * client, repeated and as searches never asked before; then typeahead ({@link QueryRuns}). Same machine, same run, so
 * the figures compare. With {@code --cluster}: on the cluster ({@link BenchStack}), the corpus with a replica, two
 * instances of the service taken in turn ({@link QueryTargets}).
 */
final class QueryBenchmark {

    private static final String ENGINE_HEAP = "podsearch.opensearch.heap";
    private static final int EPISODES = 5000;
    /** Three nodes and a replica load the corpus more than twice as slowly as one node, on the same two cores. */
    private static final int CLUSTER_EPISODES = 1000;

    private QueryBenchmark() {}

    static void run(Options options) throws Exception {
        boolean cluster = options.flag("cluster");
        int episodes = options.integer("episodes", cluster ? CLUSTER_EPISODES : EPISODES);
        int kilobytes = options.integer("kb", 8);
        int seconds = options.integer("seconds", 15);
        boolean vectors = !"false".equals(options.values().get("vectors"));
        if (cluster && !options.values().containsKey("episodes")) {
            System.err.printf("[bench] --cluster: %d episodes by default (%d on one node)%n", episodes, EPISODES);
        }
        if (vectors && System.getProperty(ENGINE_HEAP) == null && System.getenv("PODSEARCH_OPENSEARCH_HEAP") == null) {
            // with 512 MB (the stack's default) the vectors' graphs load 2.5 times slower, and an engine died mid-run;
            // three nodes of 1 GB beside two services and the other runs of this machine are too many: 768 MB each
            System.setProperty(ENGINE_HEAP, cluster ? "768m" : "1g");
        }
        try (BenchStack stack = BenchStack.start(EnumSet.of(LocalStack.Component.OPENSEARCH), cluster)) {
            Engine engine = stack.engine();
            QueryCorpus.Loaded loaded = QueryCorpus.load(engine, episodes, kilobytes, vectors);
            MemoryWatch.trackServices();
            try (Instances query =
                    stack.start("query-service", BenchAccess.properties(Options.repo(), stack.properties()))) {
                String shape = stack.shape(
                        engine,
                        query.describe()
                                + (query.count() > 1
                                        ? " (the 1-client pairs: the engine's first node against the instances in"
                                                + " turn; 16 clients: the nodes in turn against the instances in turn)"
                                        : ""));
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                List<MemoryWatch> memory = new ArrayList<>();
                query.pids().forEach(pid -> memory.add(MemoryWatch.of(pid)));
                Duration modelWait = Duration.ZERO;
                for (String url : query.urls()) {
                    modelWait = max(modelWait, ModelReady.await(http, url, Duration.ofMinutes(3)));
                }
                QueryTargets targets = QueryTargets.of(stack.engineNodes(), query.urls());
                JitActivity jit = query.jit();
                QueryRuns.Measured measured = QueryRuns.run(http, targets, jit, Duration.ofSeconds(seconds));
                // the floor under the 1-client gap: the service adds one HTTP exchange with threads that were idle
                Result service1 = measured.keyword().service1();
                List<Double> idle = IdleExchange.measure(
                        http, (int) (service1.bytes() / Math.max(1, service1.count())), Duration.ofMillis(20), 300);

                QueryReport.print(shape, episodes, kilobytes, vectors, measured.keyword(), measured.hybrid());
                System.out.printf(
                        "  floor:      one HTTP exchange with an idle do-nothing server (the same client, answers of the"
                                + " service's mean size, after 20 ms pauses): p50 %.2f ms%n",
                        Stats.percentile(idle, 50));
                System.out.printf(
                        "  corpus:     %d documents%s, %.0f bytes per moment on disk (primaries), engine heap %d MB%s:"
                                + " bulk %.0f s, refresh and merge %.0f s; the model answered %.0f s after the service"
                                + " was ready%n",
                        loaded.documents(),
                        vectors ? " (moments with vectors)" : "",
                        loaded.bytesPerMoment(),
                        engine.heapMegabytes(),
                        cluster ? " per node" : "",
                        loaded.bulkSeconds(),
                        loaded.mergeSeconds(),
                        modelWait.toMillis() / 1000.0);
                for (int i = 0; i < memory.size(); i++) {
                    memory.get(i).close();
                    System.out.printf(
                            "  memory:     %s, the model loaded: %s%n",
                            query.all().get(i).name(), memory.get(i).describe());
                }
                if (jit.readable()) {
                    System.out.printf(
                            "  warm-up:    /v1/search %s, mode=hybrid %s, /v1/suggest %s; during the 1-client runs"
                                    + " the service's JIT compilers used %.1f %% of a core%s%n",
                            QueryWarmup.describe(measured.searchWarmup()),
                            QueryWarmup.describe(measured.hybridWarmup()),
                            QueryWarmup.describe(measured.suggestWarmup()),
                            100 * measured.jitShare(),
                            query.count() > 1 ? " per instance" : "");
                }
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
