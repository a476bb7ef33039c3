package dev.podsearch.bench;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The two ways the index benchmark gets documents into the engine, each timed and checked by count: straight to
 * {@code _bulk} ({@link #direct}) and as events through Kafka and index-service ({@link #service}).
 */
final class IndexPaths {

    private static final int MAX_OPS = 2000;
    private static final long MAX_BYTES = 5_000_000;

    private IndexPaths() {}

    /** One new event per episode (a fresh episode id each time: nothing of it is indexed yet). */
    static List<TranscriptEvent> events(List<CorpusGenerator.Episode> episodes) {
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

    /**
     * The physical limit: the events' documents bulk-indexed from one client over plain HTTP into indices of their own,
     * in requests split as index-service splits them, then refreshed and counted.
     */
    static Measured direct(Engine engine, List<TranscriptEvent> events, String name) throws Exception {
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
    static Timed service(
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
}
