package dev.podsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.events.KafkaClients;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import dev.podsearch.stack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * How close index-service comes to the bulk limit of this machine. In one run, on the same OpenSearch:
 *
 * <ol>
 *   <li>direct: the documents of N generated episodes, bulk-indexed from one client over plain HTTP, in requests split
 *       as index-service splits them: the physical limit;
 *   <li>service: the same episodes as events on Kafka, through index-service into its (fresh) indices;
 *   <li>freshness: episodes produced at half the service's rate, each timed from its event to the moment a search
 *       finds it;
 *   <li>the embed stage ({@link EmbedStagePhase}): index-service again, with the stage on; it drains the outcomes of
 *       the runs above while the service path runs once more beside it.
 * </ol>
 *
 * (a) to (c) run with the embed stage off, so the keyword path is measured as it always was. With {@code --cluster}
 * all of it runs on the cluster ({@link BenchStack}): the direct path into indices with the service's replica, two
 * instances of index-service in one consumer group (and of the embed stage).
 *
 * Both paths are measured after the warm-up: a round of the direct path, then rounds through index-service until its JIT
 * compilers have settled; the measured runs are long enough (1000 episodes by default) to be a sustained rate, with
 * the merges and refreshes it causes, not a burst the engine's buffers absorb.
 */
final class IndexBenchmark {

    private IndexBenchmark() {}

    static void run(Options options) throws Exception {
        int episodes = options.integer("episodes", 1000);
        int kilobytes = options.integer("kb", 25);
        int freshnessSeconds = options.integer("seconds", 30);
        int warmEpisodes = Math.min(episodes, WARM_EPISODES);
        System.err.printf("[bench] generating %d episodes of %d KB%n", warmEpisodes + episodes, kilobytes);
        List<CorpusGenerator.Episode> corpus =
                new CorpusGenerator(11).episodes(warmEpisodes + episodes, kilobytes * 1024);
        List<CorpusGenerator.Episode> warm = corpus.subList(0, warmEpisodes);
        List<CorpusGenerator.Episode> measured = corpus.subList(warmEpisodes, corpus.size());

        try (BenchStack stack = BenchStack.start(
                EnumSet.of(LocalStack.Component.KAFKA, LocalStack.Component.OPENSEARCH), options.flag("cluster"))) {
            Map<String, String> properties = stack.properties();
            Engine engine = stack.engine();

            IndexPaths.direct(engine, IndexPaths.events(warm), "warm");
            // the keyword path as it always was measured: without the embed stage (measured after it, below)
            Map<String, String> keywordOnly = new HashMap<>(properties);
            keywordOnly.put("embedder.enabled", "false");
            EmbedStagePhase.Result embed;
            IndexPaths.Measured keywordAlone;
            String shape;
            try (Instances indexers = stack.start("index-service", keywordOnly);
                    KafkaProducer<String, byte[]> producer =
                            KafkaClients.reliableProducer(stack.bootstrap(), Map.of("linger.ms", "5"))) {
                shape = stack.shape(
                        engine, indexers.describe() + (indexers.count() > 1 ? " in one consumer group" : ""));
                System.err.printf("[bench] on %s%n[bench] index-service: warm-up rounds%n", shape);
                KafkaClients.ensureTopics(stack.bootstrap(), stack.topics(), Duration.ofSeconds(30));
                Announcements announcements = new Announcements(stack.bootstrap());
                String warmup = warmUntilSettled(engine, producer, announcements, warm, indexers);
                // (a) direct and (b) through Kafka and index-service, both after every warm-up (the engine's too)
                IndexPaths.Measured direct = IndexPaths.direct(engine, IndexPaths.events(measured), "direct");
                ServiceMetrics beforeService = indexers.metrics();
                IndexPaths.Measured service = IndexPaths.service(
                                engine, producer, announcements, IndexPaths.events(measured), 0)
                        .measured();
                ServiceMetrics duringService = indexers.metrics().since(beforeService);

                double rate = measured.size() / service.seconds() / 2;
                // let the merges of the throughput run finish: freshness is about the steady state
                EngineWatch.settle(engine);
                System.err.printf("[bench] freshness: %.1f episodes/s for %d s%n", rate, freshnessSeconds);
                List<Double> indexed = new ArrayList<>();
                ServiceMetrics before = indexers.metrics();
                JsonNode engineBefore = EngineWatch.stats(engine);
                double serviceCpu = indexers.cpuSeconds();
                double machineCpu = Cpu.machineBusySeconds();
                long began = System.nanoTime();
                List<Double> freshness =
                        Freshness.measure(engine, producer, announcements, corpus, rate, freshnessSeconds, indexed);
                double seconds = (System.nanoTime() - began) / 1e9;
                ServiceMetrics during = indexers.metrics().since(before);
                System.err.println("[bench] freshness, the engine meanwhile"
                        + (stack.cluster() ? " (its first node)" : "") + ": "
                        + EngineWatch.work(engineBefore, EngineWatch.stats(engine)));
                System.err.printf(
                        Locale.ROOT,
                        "[bench] freshness, CPU meanwhile: the machine %.2f of %d cores busy, %s %.2f cores%n",
                        (Cpu.machineBusySeconds() - machineCpu) / seconds,
                        Runtime.getRuntime().availableProcessors(),
                        indexers.describe(),
                        (indexers.cpuSeconds() - serviceCpu) / seconds);

                long rssKeywordOnly = indexers.meanRss();
                indexers.close();
                keywordAlone = service;
                embed = EmbedStagePhase.run(
                        stack,
                        properties,
                        engine,
                        producer,
                        announcements,
                        IndexPaths.events(measured),
                        rssKeywordOnly);
                announcements.close();
                IndexReport.print(
                        shape, episodes, kilobytes, direct, service, duringService, rate, freshness, indexed, during);
                System.out.printf("  warm-up    index-service %s%n", warmup);
            }
            EmbedStagePhase.print(embed, keywordAlone);
        }
    }

    /** Episodes per warm-up round (the measured rounds are longer: a sustained rate, merges included). */
    private static final int WARM_EPISODES = 300;

    /**
     * Warm-up rounds of new episodes through index-service until its JIT compilers have settled (at least two rounds,
     * at most eight; on the cluster, the compilers of both instances); each round ends with fresh, empty indices, so
     * the measured round starts from the same empty index as the direct path.
     */
    private static String warmUntilSettled(
            Engine engine,
            KafkaProducer<String, byte[]> producer,
            Announcements announcements,
            List<CorpusGenerator.Episode> warm,
            Instances indexers)
            throws Exception {
        JitActivity.Warmup warmup = indexers.jit().warmUntilSettled("index-service", 2, 8, () -> {
            IndexPaths.Measured run = IndexPaths.service(engine, producer, announcements, IndexPaths.events(warm), 0)
                    .measured();
            freshIndices(engine);
            return new JitActivity.Ran(run.seconds(), String.format(Locale.ROOT, "%.0f docs/s", run.docsPerSecond()));
        });
        return String.format(
                Locale.ROOT,
                "%d rounds, %d s (JIT compilers at %.1f %% of a core%s in the last%s)",
                warmup.rounds(),
                warmup.took().toSeconds(),
                100 * warmup.lastShare(),
                indexers.count() > 1 ? " per instance" : "",
                warmup.settled() ? "" : ", not settled");
    }

    /**
     * Replaces index-service's indices by empty ones of the same definitions (and replicas), behind the same aliases.
     */
    private static void freshIndices(Engine engine) throws Exception {
        engine.call("DELETE", "/" + Mappings.MOMENTS_INDEX + "," + Mappings.EPISODES_INDEX, null);
        engine.create(Mappings.MOMENTS_INDEX, Mappings.MOMENTS_INDEX, Indices.MOMENTS);
        engine.create(Mappings.EPISODES_INDEX, Mappings.EPISODES_INDEX, Indices.EPISODES);
    }
}
