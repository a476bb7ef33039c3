package dev.podsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.search.Indices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Freshness: how long after its event a new episode is found by a search, at a steady rate of new episodes. */
final class Freshness {

    private Freshness() {}

    /**
     * Produces new episodes at {@code rate} per second and times each from its send to the first search that finds
     * it (a search every 50 ms over the episodes still pending; no refresh forced).
     */
    static List<Double> measure(
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
        Thread sampler = Thread.ofPlatform()
                .start(() -> EngineWatch.sample(engine, Options.repo().resolve("benchmarks/target/logs")));
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
}
