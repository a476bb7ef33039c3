package dev.podsearch.index;

import static org.awaitility.Awaitility.await;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import dev.podsearch.testing.management.ManagementPort;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;

/** Producing events and reading what was indexed, for the tests of this module. */
abstract class IndexTestBase {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OpenSearchClient client;

    KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void waitUntilReady() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        ManagementPort.given().get("/q/health/ready").then().statusCode(200));
    }

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    void publish(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.TRANSCRIPTS, key, value)).get();
    }

    void publish(TranscriptEvent event) throws Exception {
        publish(event.episodeId(), TranscriptEventCodec.encode(event));
    }

    static TranscriptEvent upsert(String id, long revision, String... lines) {
        List<Segment> segments = new java.util.ArrayList<>();
        // lines a minute apart: each is a moment of its own (a moment spans at most 30 s)
        for (int i = 0; i < lines.length; i++) {
            segments.add(new Segment(i * 60_000L, i * 60_000L + 5000, "Host", lines[i]));
        }
        return upsert(id, revision, segments);
    }

    /** An upsert of these segments, with the metadata every test episode has. */
    static TranscriptEvent upsert(String id, long revision, List<Segment> segments) {
        Episode episode = new Episode(
                "Test Show",
                "Episode " + id,
                "notes",
                Instant.parse("2026-05-17T06:00:00Z"),
                "https://media.example.org/" + id + ".mp3",
                "en",
                null,
                List.of("Host"));
        return TranscriptEvent.upsert(id, revision, Instant.now(), episode, segments);
    }

    List<MomentDocument> moments(String episodeId) throws IOException {
        client.indices().refresh(r -> r.index(Indices.MOMENTS));
        return client
                .search(
                        s -> s.index(Indices.MOMENTS)
                                .size(100)
                                .query(q -> q.term(t -> t.field("episodeId").value(FieldValue.of(episodeId)))),
                        MomentDocument.class)
                .hits()
                .hits()
                .stream()
                .map(h -> h.source())
                .sorted(Comparator.comparingInt(MomentDocument::ordinal))
                .toList();
    }

    long episodeRevision(String episodeId) throws IOException {
        var response = client.get(g -> g.index(Indices.EPISODES).id(episodeId), EpisodeDocument.class);
        return response.found() ? response.source().revision() : 0;
    }

    ConsumerRecord<String, byte[]> deadLetterFor(String key) {
        return deadLetterMatching(record -> key.equals(record.key()));
    }

    ConsumerRecord<String, byte[]> deadLetterMatching(
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSCRIPTS_DLQ));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no such dead letter");
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
