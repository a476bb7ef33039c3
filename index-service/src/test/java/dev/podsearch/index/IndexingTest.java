package dev.podsearch.index;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.ContractSample;
import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import io.quarkus.test.junit.QuarkusTest;
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
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;

@QuarkusTest
class IndexingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OpenSearchClient client;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void waitUntilReady() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> io.restassured.RestAssured.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200));
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

    private void publish(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.TRANSCRIPTS, key, value)).get();
    }

    private void publish(TranscriptEvent event) throws Exception {
        publish(event.episodeId(), TranscriptEventCodec.encode(event));
    }

    private static TranscriptEvent upsert(String id, long revision, String... lines) {
        List<Segment> segments = new java.util.ArrayList<>();
        // lines a minute apart: each is a moment of its own (a moment spans at most 30 s)
        for (int i = 0; i < lines.length; i++) {
            segments.add(new Segment(i * 60_000L, i * 60_000L + 5000, "Host", lines[i]));
        }
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

    private List<MomentDocument> moments(String episodeId) throws IOException {
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

    private long episodeRevision(String episodeId) throws IOException {
        var response = client.get(g -> g.index(Indices.EPISODES).id(episodeId), EpisodeDocument.class);
        return response.found() ? response.source().revision() : 0;
    }

    @Test
    void indexesAnUpsertAsAnEpisodeAndItsMoments() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "the fog horn sounds", "the keeper climbs", "the lamp turns"));

        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 3);

        List<MomentDocument> moments = moments(id);
        assertEquals("the keeper climbs", moments.get(1).text());
        assertEquals(60_000L, moments.get(1).startMs());
        assertEquals("Test Show", moments.get(1).show());
        assertEquals(1, episodeRevision(id));
        EpisodeDocument episode = client.get(g -> g.index(Indices.EPISODES).id(id), EpisodeDocument.class)
                .source();
        assertEquals(125_000L, episode.durationMs());
        assertEquals(3, episode.moments());
    }

    @Test
    void anOlderRevisionDeliveredLateNeverReplacesANewerOne() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 2, "second take, line one", "second take, line two"));
        publish(upsert(id, 1, "first take, line one", "first take, line two", "first take, line three"));
        String marker = UUID.randomUUID().toString();
        publish(upsert(marker, 1, "marker"));

        // the marker shares no partition guarantee, so wait for the episode itself to settle
        await().atMost(Duration.ofSeconds(30))
                .until(() -> moments(marker).size() == 1 && moments(id).size() == 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> moments(id).size() == 2);

        List<MomentDocument> moments = moments(id);
        assertTrue(moments.stream().allMatch(m -> m.revision() == 2 && m.text().startsWith("second take")));
        assertEquals(2, episodeRevision(id));
    }

    @Test
    void aRevisionWithFewerMomentsLeavesNoStaleOnes() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "one", "two", "three", "four"));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 4);

        publish(upsert(id, 2, "uno", "dos"));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        moments(id).stream().map(MomentDocument::text).toList().equals(List.of("uno", "dos")));
    }

    @Test
    void aDeleteRemovesTheEpisodeAndAllItsMoments() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "to be removed", "also removed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 2);

        publish(TranscriptEvent.delete(id, 2, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).isEmpty() && episodeRevision(id) == 0);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndThePartitionGoesOn() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, "this is not json".getBytes(StandardCharsets.UTF_8));
        publish(upsert(id, 1, "after the poison"));

        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 1);

        ConsumerRecord<String, byte[]> letter = deadLetterFor(id);
        assertEquals("this is not json", new String(letter.value(), StandardCharsets.UTF_8));
        assertEquals("poison", header(letter, DeadLetters.ERROR_CLASS));
        assertEquals(Topics.TRANSCRIPTS, header(letter, DeadLetters.ORIGINAL_TOPIC));
        assertTrue(header(letter, DeadLetters.REASON).startsWith("not a transcript event"));
        assertTrue(Long.parseLong(header(letter, DeadLetters.ORIGINAL_OFFSET)) >= 0);
    }

    @Test
    void indexesTheContractSample() throws Exception {
        TranscriptEvent sample = TranscriptEventCodec.decode(ContractSample.bytes());
        publish(sample.episodeId(), ContractSample.bytes());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> moments(sample.episodeId()).size() == 3);

        MomentDocument second = moments(sample.episodeId()).get(1);
        assertEquals("Deep seek is ditching Nvidia.", second.text());
        assertEquals("Synthesizer", second.speaker());
        assertEquals(2000L, second.startMs());
        assertEquals(2, second.revision());
    }

    private ConsumerRecord<String, byte[]> deadLetterFor(String key) {
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
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter with key " + key);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
