package dev.podsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.stack.ServiceProcess;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How close index-service comes to the bulk limit of this machine. In one run, on the same OpenSearch:
 *
 * <ol>
 *   <li>direct: the documents of N generated episodes, bulk-indexed from one client over plain HTTP, in requests split
 *       as index-service splits them: the physical limit;
 *   <li>service: the same episodes as events on Kafka, through index-service into its (fresh) indices;
 *   <li>freshness: episodes produced at half the service's rate, each timed from its event to the moment a search
 *       finds it.
 * </ol>
 *
 * Both paths are measured after the warm-up: a round of the direct path, then rounds through index-service until its JIT
 * compilers have settled; the measured runs are long enough (1000 episodes by default) to be a sustained rate, with
 * the merges and refreshes it causes, not a burst the engine's buffers absorb.
 */
final class IndexBenchmark {

    private static final int MAX_OPS = 2000;
    private static final long MAX_BYTES = 5_000_000;

    private IndexBenchmark() {}

    static void run(Options options) throws Exception {
        int episodes = options.integer("episodes", 1000);
        int kilobytes = options.integer("kb", 25);
        int freshnessSeconds = options.integer("seconds", 30);
        int warmEpisodes = Math.min(episodes, WARM_EPISODES);
        Path repo = Options.repo();
        System.err.printf("[bench] generating %d episodes of %d KB%n", warmEpisodes + episodes, kilobytes);
        List<CorpusGenerator.Episode> corpus =
                new CorpusGenerator(11).episodes(warmEpisodes + episodes, kilobytes * 1024);
        List<CorpusGenerator.Episode> warm = corpus.subList(0, warmEpisodes);
        List<CorpusGenerator.Episode> measured = corpus.subList(warmEpisodes, corpus.size());

        try (RunningStack stack = LocalStack.start(LocalStack.Options.ephemeral(
                EnumSet.of(LocalStack.Component.KAFKA, LocalStack.Component.OPENSEARCH)))) {
            Map<String, String> properties = stack.quarkusProperties();
            Engine engine = new Engine(properties.get("opensearch.hosts").split(",")[0]);

            direct(engine, events(warm), "warm");
            try (ServiceProcess indexer = ServiceProcess.start(
                            "index-service",
                            repo.resolve("index-service"),
                            0,
                            properties,
                            repo.resolve("benchmarks/target/logs"));
                    KafkaProducer<String, byte[]> producer = KafkaClients.reliableProducer(
                            properties.get("kafka.bootstrap.servers"), Map.of("linger.ms", "5"))) {
                System.err.printf("[bench] index-service: warm-up rounds%n");
                KafkaClients.ensureTopics(properties.get("kafka.bootstrap.servers"), Duration.ofSeconds(30));
                Announcements announcements = new Announcements(properties.get("kafka.bootstrap.servers"));
                String warmup = warmUntilSettled(engine, producer, announcements, warm, indexer);
                // (a) direct and (b) through Kafka and index-service, both after every warm-up (the engine's too)
                Measured direct = direct(engine, events(measured), "direct");
                ServiceMetrics beforeService = ServiceMetrics.of(indexer.url());
                Measured service = service(engine, producer, announcements, events(measured), 0)
                        .measured();
                ServiceMetrics duringService = ServiceMetrics.of(indexer.url()).since(beforeService);

                double rate = measured.size() / service.seconds() / 2;
                // let the merges of the throughput run finish: freshness is about the steady state
                settle(engine);
                System.err.printf("[bench] freshness: %.1f episodes/s for %d s%n", rate, freshnessSeconds);
                List<Double> indexed = new ArrayList<>();
                ServiceMetrics before = ServiceMetrics.of(indexer.url());
                JsonNode engineBefore = engineStats(engine);
                double serviceCpu = Cpu.processSeconds(indexer.pid());
                double machineCpu = Cpu.machineBusySeconds();
                long began = System.nanoTime();
                List<Double> freshness =
                        freshness(engine, producer, announcements, corpus, rate, freshnessSeconds, indexed);
                double seconds = (System.nanoTime() - began) / 1e9;
                ServiceMetrics during = ServiceMetrics.of(indexer.url()).since(before);
                System.err.println(
                        "[bench] freshness, the engine meanwhile: " + engineWork(engineBefore, engineStats(engine)));
                System.err.printf(
                        Locale.ROOT,
                        "[bench] freshness, CPU meanwhile: the machine %.2f of %d cores busy, index-service %.2f"
                                + " cores%n",
                        (Cpu.machineBusySeconds() - machineCpu) / seconds,
                        Runtime.getRuntime().availableProcessors(),
                        (Cpu.processSeconds(indexer.pid()) - serviceCpu) / seconds);

                announcements.close();
                print(episodes, kilobytes, direct, service, duringService, rate, freshness, indexed, during);
                System.out.printf("  warm-up    index-service %s%n", warmup);
            }
        }
    }

    /**
     * Waits at least 15 s, and until the engine has had no merge running for three polls in a row (at most two
     * minutes): the merges left by the throughput run would otherwise run during the freshness run.
     */
    private static void settle(Engine engine) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(2).toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            long merging = engine.call("GET", "/_stats/merge", null)
                    .path("_all")
                    .path("total")
                    .path("merges")
                    .path("current")
                    .asLong();
            quiet = merging == 0 ? quiet + 1 : 0;
            if (quiet >= 3
                    && System.nanoTime() - start >= Duration.ofSeconds(15).toNanos()) {
                break;
            }
            Thread.sleep(1000);
        }
        System.err.printf(
                "[bench] settled for %.0f s (merges done: %s)%n", (System.nanoTime() - start) / 1e9, quiet >= 3);
    }

    /**
     * Samples the engine's moments index every 250 ms into {@code freshness-engine.tsv} (a timeline to read the tail
     * against: refreshes, merges, indexing throttle).
     */
    private static void sample(Engine engine, Path logs) {
        long start = System.nanoTime();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(logs.resolve("freshness-engine.tsv")))) {
            out.println("seconds\trefreshes\trefresh_ms\tmerging\tmerging_docs\tmerges\tmerge_ms\tthrottled_ms"
                    + "\tsegments\tdocs");
            while (!Thread.currentThread().isInterrupted()) {
                JsonNode total = engine.call(
                                "GET",
                                "/" + Indices.MOMENTS
                                        + "/_stats/refresh,merge,indexing,segments,docs?filter_path=_all.total",
                                null)
                        .at("/_all/total");
                out.printf(
                        Locale.ROOT,
                        "%.2f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d%n",
                        (System.nanoTime() - start) / 1e9,
                        total.at("/refresh/total").asLong(),
                        total.at("/refresh/total_time_in_millis").asLong(),
                        total.at("/merges/current").asLong(),
                        total.at("/merges/current_docs").asLong(),
                        total.at("/merges/total").asLong(),
                        total.at("/merges/total_time_in_millis").asLong(),
                        total.at("/indexing/throttle_time_in_millis").asLong(),
                        total.at("/segments/count").asLong(),
                        total.at("/docs/count").asLong());
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("[bench] engine sampler: " + e);
        }
    }

    private static JsonNode engineStats(Engine engine) throws Exception {
        return engine.call("GET", "/_nodes/_local/stats/jvm,indices,process,thread_pool", null)
                .path("nodes")
                .elements()
                .next();
    }

    /** What the engine did between two node stats: refreshes, merges, flushes, garbage collection, CPU. */
    private static String engineWork(JsonNode before, JsonNode after) {
        StringBuilder work = new StringBuilder();
        for (String what : List.of("refresh", "merges", "flush")) {
            JsonNode a = after.path("indices").path(what);
            JsonNode b = before.path("indices").path(what);
            work.append(String.format(
                    Locale.ROOT,
                    "%s %d (%d ms), ",
                    what,
                    a.path("total").asLong() - b.path("total").asLong(),
                    a.path("total_time_in_millis").asLong()
                            - b.path("total_time_in_millis").asLong()));
        }
        JsonNode indices = after.path("indices");
        JsonNode earlier = before.path("indices");
        work.append(String.format(
                Locale.ROOT,
                "merges throttled %d ms, stopped %d ms, indexing throttled %d ms, segments %d -> %d, "
                        + "refresh threads %d, ",
                indices.at("/merges/total_throttled_time_in_millis").asLong()
                        - earlier.at("/merges/total_throttled_time_in_millis").asLong(),
                indices.at("/merges/total_stopped_time_in_millis").asLong()
                        - earlier.at("/merges/total_stopped_time_in_millis").asLong(),
                indices.at("/indexing/throttle_time_in_millis").asLong()
                        - earlier.at("/indexing/throttle_time_in_millis").asLong(),
                earlier.at("/segments/count").asLong(),
                indices.at("/segments/count").asLong(),
                after.at("/thread_pool/refresh/largest").asLong()));
        after.path("jvm").path("gc").path("collectors").fieldNames().forEachRemaining(name -> {
            JsonNode a = after.path("jvm").path("gc").path("collectors").path(name);
            JsonNode b = before.path("jvm").path("gc").path("collectors").path(name);
            work.append(String.format(
                    Locale.ROOT,
                    "gc %s %d (%d ms), ",
                    name,
                    a.path("collection_count").asLong()
                            - b.path("collection_count").asLong(),
                    a.path("collection_time_in_millis").asLong()
                            - b.path("collection_time_in_millis").asLong()));
        });
        long cpu = after.path("process").path("cpu").path("total_in_millis").asLong()
                - before.path("process").path("cpu").path("total_in_millis").asLong();
        long wall = after.path("timestamp").asLong() - before.path("timestamp").asLong();
        work.append(String.format(Locale.ROOT, "CPU %.2f cores", cpu / (double) Math.max(1, wall)));
        return work.toString();
    }

    /** Episodes per warm-up round (the measured rounds are longer: a sustained rate, merges included). */
    private static final int WARM_EPISODES = 300;

    /**
     * Warm-up rounds of new episodes through index-service until its JIT compilers have settled (at least two rounds,
     * at most eight); each round ends with fresh, empty indices, so the measured round starts from the same empty
     * index as the direct path.
     */
    private static String warmUntilSettled(
            Engine engine,
            KafkaProducer<String, byte[]> producer,
            Announcements announcements,
            List<CorpusGenerator.Episode> warm,
            ServiceProcess indexer)
            throws Exception {
        JitActivity.Warmup warmup = new JitActivity(indexer.pid()).warmUntilSettled("index-service", 2, 8, () -> {
            Measured run =
                    service(engine, producer, announcements, events(warm), 0).measured();
            freshIndices(engine);
            return new JitActivity.Ran(run.seconds(), String.format(Locale.ROOT, "%.0f docs/s", run.docsPerSecond()));
        });
        return String.format(
                Locale.ROOT,
                "%d rounds, %d s (JIT compilers at %.1f %% of a core in the last%s)",
                warmup.rounds(),
                warmup.took().toSeconds(),
                100 * warmup.lastShare(),
                warmup.settled() ? "" : ", not settled");
    }

    /** Replaces index-service's indices by empty ones of the same definitions, behind the same aliases. */
    private static void freshIndices(Engine engine) throws Exception {
        engine.call("DELETE", "/" + Mappings.MOMENTS_INDEX + "," + Mappings.EPISODES_INDEX, null);
        engine.create(Mappings.MOMENTS_INDEX, Mappings.MOMENTS_INDEX, Indices.MOMENTS);
        engine.create(Mappings.EPISODES_INDEX, Mappings.EPISODES_INDEX, Indices.EPISODES);
    }

    private static List<TranscriptEvent> events(List<CorpusGenerator.Episode> episodes) {
        List<TranscriptEvent> events = new ArrayList<>(episodes.size());
        for (CorpusGenerator.Episode episode : episodes) {
            events.add(episode.event(UUID.randomUUID().toString(), 1));
        }
        return events;
    }

    /** Documents, bytes and seconds of one measured path. */
    record Measured(long documents, long bytes, double seconds) {

        double docsPerSecond() {
            return documents / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    private static Measured direct(Engine engine, List<TranscriptEvent> events, String name) throws Exception {
        String moments = "bench-" + name + "-moments";
        String episodes = "bench-" + name + "-episodes";
        engine.create(moments, Mappings.MOMENTS_INDEX, null);
        engine.create(episodes, Mappings.EPISODES_INDEX, null);
        Engine.Bulk bulk = Engine.bulk(events, moments, episodes, MAX_OPS, MAX_BYTES);
        System.err.printf(
                "[bench] direct (%s): %d documents in %d requests%n",
                name, bulk.documents(), bulk.bodies().size());
        long start = System.nanoTime();
        for (byte[] body : bulk.bodies()) {
            engine.call("POST", "/_bulk", body);
        }
        engine.refresh(moments + "," + episodes);
        double seconds = (System.nanoTime() - start) / 1e9;
        long counted = engine.count(moments) + engine.count(episodes);
        if (counted != bulk.documents()) {
            throw new IllegalStateException("direct: " + counted + " documents indexed of " + bulk.documents());
        }
        return new Measured(bulk.documents(), bulk.documentBytes(), seconds);
    }

    /**
     * Sends the events and waits until index-service has announced each of them indexed (on transcripts.indexed.v1:
     * no refresh forced on the engine while it works), then checks the count; returns the documents indexed now.
     */
    private static Timed service(
            Engine engine,
            KafkaProducer<String, byte[]> producer,
            Announcements announcements,
            List<TranscriptEvent> events,
            long before)
            throws Exception {
        Engine.Bulk bulk = Engine.bulk(events, "m", "e", MAX_OPS, MAX_BYTES);
        List<byte[]> encoded = new ArrayList<>();
        for (TranscriptEvent event : events) {
            encoded.add(TranscriptEventCodec.encode(event));
        }
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.episodeId()));
        System.err.printf("[bench] index-service: %d documents from %d events%n", bulk.documents(), events.size());
        long start = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            producer.send(new ProducerRecord<>(Topics.TRANSCRIPTS, events.get(i).episodeId(), encoded.get(i)));
        }
        producer.flush();
        announcements.await(ids, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        engine.refresh(Indices.MOMENTS + "," + Indices.EPISODES);
        long count = engine.count(Indices.MOMENTS) + engine.count(Indices.EPISODES);
        if (count != before + bulk.documents()) {
            throw new IllegalStateException(
                    "index-service: " + (count - before) + " documents indexed of " + bulk.documents());
        }
        return new Timed(new Measured(bulk.documents(), bulk.documentBytes(), seconds), count);
    }

    record Timed(Measured measured, long total) {}

    /** Reads transcripts.indexed.v1 from its end: which episodes index-service has indexed. */
    static final class Announcements implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;

        Announcements(String bootstrap) {
            consumer = new KafkaConsumer<>(
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.TRANSCRIPTS_INDEXED, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** When index-service said it indexed each of these episodes (its clock, same machine). */
        Map<String, Instant> indexedAt(Set<String> ids, Duration timeout) {
            Map<String, Instant> times = new HashMap<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (times.size() < ids.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    IndexedEvent event = TranscriptEventCodec.decodeIndexed(record.value());
                    if (ids.contains(event.episodeId())) {
                        times.put(event.episodeId(), event.indexedAt());
                    }
                }
            }
            return times;
        }

        void await(Set<String> ids, Duration timeout) {
            Set<String> waiting = new HashSet<>(ids);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(waiting.size() + " episodes not indexed in " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    IndexedEvent event = TranscriptEventCodec.decodeIndexed(record.value());
                    if (!"INDEXED".equals(event.status())) {
                        throw new IllegalStateException(
                                "episode " + event.episodeId() + ": " + event.status() + " " + event.reason());
                    }
                    waiting.remove(event.episodeId());
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /**
     * Produces new episodes at {@code rate} per second and times each from its send to the first search that finds
     * it (a search every 50 ms over the episodes still pending; no refresh forced).
     */
    private static List<Double> freshness(
            Engine engine,
            KafkaProducer<String, byte[]> producer,
            Announcements announcements,
            List<CorpusGenerator.Episode> corpus,
            double rate,
            int seconds,
            List<Double> indexed)
            throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> searches = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> pending = new ConcurrentHashMap<>();
        Map<String, Double> latencies = new ConcurrentHashMap<>();
        int total = (int) Math.max(1, rate * seconds);
        Thread sampler =
                Thread.ofPlatform().start(() -> sample(engine, Options.repo().resolve("benchmarks/target/logs")));
        Thread watcher = Thread.ofPlatform().start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (!pending.isEmpty()) {
                        List<String> ids = new ArrayList<>(pending.keySet());
                        Map<String, Object> search = Map.of(
                                "size", 0,
                                "query", Map.of("terms", Map.of("episodeId", ids)),
                                "aggs",
                                        Map.of(
                                                "seen",
                                                Map.of("terms", Map.of("field", "episodeId", "size", ids.size()))));
                        long asked = System.nanoTime();
                        JsonNode hits = engine.call(
                                        "POST",
                                        "/" + Indices.MOMENTS + "/_search",
                                        Engine.JSON.writeValueAsBytes(search))
                                .path("aggregations")
                                .path("seen")
                                .path("buckets");
                        long now = System.nanoTime();
                        searches.add((now - asked) / 1e6);
                        for (JsonNode bucket : hits) {
                            Long sent = pending.remove(bucket.path("key").asText());
                            if (sent != null) {
                                latencies.put(bucket.path("key").asText(), (now - sent) / 1e6);
                            }
                        }
                    }
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.err.println("[bench] freshness watcher: " + e);
            }
        });
        long interval = (long) (1e9 / rate);
        long next = System.nanoTime();
        Map<String, byte[]> encoded = new HashMap<>();
        List<TranscriptEvent> events = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            TranscriptEvent event =
                    corpus.get(i % corpus.size()).event(UUID.randomUUID().toString(), 1);
            events.add(event);
            encoded.put(event.episodeId(), TranscriptEventCodec.encode(event));
        }
        for (TranscriptEvent event : events) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            pending.put(event.episodeId(), System.nanoTime());
            sentAt.put(event.episodeId(), System.currentTimeMillis());
            producer.send(new ProducerRecord<>(Topics.TRANSCRIPTS, event.episodeId(), encoded.get(event.episodeId())));
            next += interval;
        }
        producer.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        watcher.interrupt();
        watcher.join();
        sampler.interrupt();
        sampler.join();
        System.err.printf(
                "[bench] freshness probe: %d searches, p50 %.0f ms, p99 %.0f ms each%n",
                searches.size(), Stats.percentile(searches, 50), Stats.percentile(searches, 99));
        Map<String, Double> written = new HashMap<>();
        announcements
                .indexedAt(sentAt.keySet(), Duration.ofSeconds(30))
                .forEach((id, at) -> written.put(id, (double) (at.toEpochMilli() - sentAt.get(id))));
        indexed.addAll(written.values());
        if (!pending.isEmpty()) {
            System.err.printf("[bench] %d episodes never became searchable within 60 s%n", pending.size());
        }
        tail(latencies, written, sentAt);
        return new ArrayList<>(latencies.values());
    }

    /**
     * Where the freshness tail sits (on stderr): written -> searchable for every episode, and the slowest episodes
     * with when they were sent, so a stall (all of them within a second) is told apart from a spread-out tail.
     */
    private static void tail(Map<String, Double> searchable, Map<String, Double> written, Map<String, Long> sentAt) {
        List<Double> refreshed = new ArrayList<>();
        searchable.forEach((id, total) -> {
            Double write = written.get(id);
            if (write != null) {
                refreshed.add(total - write);
            }
        });
        System.err.printf(
                "[bench] freshness: written -> searchable p50 %.0f ms, p99 %.0f ms%n",
                Stats.percentile(refreshed, 50), Stats.percentile(refreshed, 99));
        long first = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        searchable.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(15)
                .forEach(slow -> {
                    double write = written.getOrDefault(slow.getKey(), Double.NaN);
                    System.err.printf(
                            "[bench]   slow: sent at %6.2f s  searchable after %5.0f ms  (written %5.0f, then %5.0f)%n",
                            (sentAt.get(slow.getKey()) - first) / 1e3, slow.getValue(), write, slow.getValue() - write);
                });
    }

    /** What index-service's {@code _bulk} requests were like during a phase. */
    private static String bulks(ServiceMetrics during) {
        double requests = during.get("podsearch_index_bulk_requests_total");
        return String.format(
                Locale.ROOT,
                "the service's _bulk requests meanwhile: %.0f, %.0f documents and %.0f ms each (mean)",
                requests,
                during.get("podsearch_index_documents_total") / Math.max(1, requests),
                1000
                        * during.get("podsearch_index_bulk_latency_seconds_sum")
                        / Math.max(1, during.get("podsearch_index_bulk_latency_seconds_count")));
    }

    private static void print(
            int episodes,
            int kilobytes,
            Measured direct,
            Measured service,
            ServiceMetrics duringService,
            double rate,
            List<Double> freshness,
            List<Double> indexed,
            ServiceMetrics during) {
        double ratio = service.docsPerSecond() / direct.docsPerSecond();
        double p99 = Stats.percentile(freshness, 99);
        System.out.printf(
                "%nindex benchmark: %d episodes of %d KB (%d documents, %.1f MB), after the warm-up%n",
                episodes, kilobytes, direct.documents(), direct.bytes() / 1e6);
        System.out.printf(
                "  direct    one client, _bulk over HTTP   %9.0f docs/s  %6.2f MB/s  (%.1f s)%n",
                direct.docsPerSecond(), direct.megabytesPerSecond(), direct.seconds());
        System.out.printf(
                "  service   Kafka -> index-service        %9.0f docs/s  %6.2f MB/s  (%.1f s)%n",
                service.docsPerSecond(), service.megabytesPerSecond(), service.seconds());
        System.out.println("            " + bulks(duringService));
        System.out.printf("  ratio     service / direct              %9.2f%n", ratio);
        System.out.printf(
                "  freshness at %.1f episodes/s (half the service's rate): p50 %.0f ms  p99 %.0f ms  (%d episodes)%n",
                rate, Stats.percentile(freshness, 50), p99, freshness.size());
        System.out.printf(
                "            of which event -> indexed (written, not yet refreshed): p50 %.0f ms  p99 %.0f ms%n",
                Stats.percentile(indexed, 50), Stats.percentile(indexed, 99));
        System.out.println("            " + bulks(during));
        boolean met = ratio >= 0.8 && p99 <= 2000;
        System.out.printf("  target    ratio >= 0.8, freshness p99 <= 2000 ms: %s%n", met ? "MET" : "NOT MET");
    }
}
