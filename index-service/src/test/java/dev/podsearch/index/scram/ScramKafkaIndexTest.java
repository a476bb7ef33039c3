package dev.podsearch.index.scram;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.events.Episode;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Segment;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index service on a Kafka that requires SCRAM-SHA-512 over TLS, under its KafkaUser's ACLs only: the
 * transcript consumer (its group), the outcome producer, the dead-letter producer, the admin API's dead-letter reader
 * (assigned partitions, no group) and its replay (a write to {@code transcripts.v1}) all work with the client settings
 * the prod overlay gives it.
 */
@QuarkusTest
@TestProfile(ScramIndexProfile.class)
class ScramKafkaIndexTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void waitUntilReady() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        ManagementPort.given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void transcriptsAreIndexedAndTheOutcomeAnnouncedOverScram() throws Exception {
        String id = UUID.randomUUID().toString();
        Episode episode = new Episode(
                "Scram Show",
                "Episode " + id,
                "notes",
                Instant.parse("2026-05-17T06:00:00Z"),
                "https://media.example.org/" + id + ".mp3",
                "en",
                null,
                List.of("Host"));
        TranscriptEvent event = TranscriptEvent.upsert(
                id, 1, Instant.now(), episode, List.of(new Segment(0L, 5000L, "Host", "spoken over TLS")));

        publish(id, TranscriptEventCodec.encode(event));

        IndexedEvent outcome = outcomeFor(id);
        assertEquals("INDEXED", outcome.status());
        assertEquals(1, outcome.revision());
    }

    @Test
    void poisonIsDeadLetteredListedAndReplayedOverScram() throws Exception {
        String id = UUID.randomUUID().toString();
        RecordMetadata sent = publish(id, "{not json".getBytes(StandardCharsets.UTF_8));
        int partition = sent.partition(); // the dead letter keeps its key, so its partition

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> deadLetters(partition).then().body("deadLetters.key", hasItem(id)));
        JsonPath page = deadLetters(partition).then().extract().jsonPath();
        long offset = page.getLong("deadLetters.find { it.key == '" + id + "' }.offset");

        given().contentType("application/json")
                .body("{\"records\": [\"" + partition + "@" + offset + "\"]}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(202)
                .body("replayed", equalTo(1))
                .body("records.key", equalTo(List.of(id)));
    }

    private static io.restassured.response.Response deadLetters(int partition) {
        return given().queryParam("partition", partition)
                .queryParam("offset", 0)
                .queryParam("limit", 100)
                .get("/admin/dead-letters");
    }

    private static RecordMetadata publish(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                ScramIndexStack.client(ScramIndexStack.PUBLISHER), new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.TRANSCRIPTS, key, value))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The first outcome for this episode on transcripts.indexed.v1, read as the publisher in a new group. */
    private static IndexedEvent outcomeFor(String episodeId) {
        Map<String, Object> settings = ScramIndexStack.client(ScramIndexStack.PUBLISHER);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "verify-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSCRIPTS_INDEXED));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (episodeId.equals(record.key())) {
                        return TranscriptEventCodec.decodeIndexed(record.value());
                    }
                }
            }
        }
        throw new AssertionError("no outcome for " + episodeId + " on " + Topics.TRANSCRIPTS_INDEXED + " within 60 s");
    }
}
