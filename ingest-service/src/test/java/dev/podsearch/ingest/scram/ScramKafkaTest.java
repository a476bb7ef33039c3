package dev.podsearch.ingest.scram;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service on a Kafka that requires SCRAM-SHA-512 over TLS and enforces ACLs ({@link ScramKafkaStack}): its
 * outbox relay publishes and its status consumer reads with the client settings the prod overlay gives it, under ACLs
 * no wider than its KafkaUser's; and the broker really refuses what those settings are meant to keep out.
 */
@QuarkusTest
@TestProfile(ScramKafkaProfile.class)
class ScramKafkaTest {

    @Inject
    KafkaTopics topics;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void uploadsArePublishedAndOutcomesReadOverScram() throws Exception {
        String id = given().contentType("text/plain")
                .queryParam("show", "Scram " + UUID.randomUUID())
                .body("A secure episode\nShow transcript\n00:00:01: spoken over TLS\n")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        TranscriptEvent published = readAs(ScramKafkaStack.VERIFIER, id);
        assertEquals(TranscriptEvent.Type.UPSERT, published.type());
        assertEquals(1, published.revision());

        try (KafkaProducer<String, byte[]> producer = producer(ScramKafkaStack.VERIFIER)) {
            IndexedEvent indexed = new IndexedEvent(id, 1, "INDEXED", Instant.parse("2026-05-17T08:00:00Z"), null);
            producer.send(new ProducerRecord<>(
                            Topics.TRANSCRIPTS_INDEXED, id, TranscriptEventCodec.encodeIndexed(indexed)))
                    .get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/v1/transcripts/{id}", id)
                .then()
                .body("status", equalTo("INDEXED"))
                .body("steps.indexed", equalTo("2026-05-17T08:00:00Z")));
    }

    @Test
    void theServicesUserMayNeitherSeeNorCreateTheDeadLetterTopic() {
        // the topic check tolerates it (KafkaTopics make the topics in production) and says so
        await().atMost(Duration.ofSeconds(30)).until(() -> !topics.differences().isEmpty());
        assertEquals(1, topics.differences().size(), topics.differences().toString());
        assertTrue(topics.differences().getFirst().startsWith(Topics.TRANSCRIPTS_DLQ + " is not visible"));
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> settings = ScramKafkaStack.kafka().client(ScramKafkaStack.SERVICE, "not-the-password");
        ExecutionException refused = assertThrows(ExecutionException.class, () -> describeCluster(settings));
        assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
    }

    @Test
    void aClientWithoutCredentialsGetsNoAnswer() {
        // TLS only, no SASL: the listener waits for a SASL handshake and drops the connection
        Map<String, Object> settings = ScramKafkaStack.kafka().client(null, null);
        settings.put("security.protocol", "SSL");
        settings.remove("sasl.mechanism");
        ExecutionException unanswered = assertThrows(ExecutionException.class, () -> describeCluster(settings));
        assertInstanceOf(TimeoutException.class, unanswered.getCause());
    }

    @Test
    void aUserIsRefusedTopicsItsAclsDoNotName() {
        try (KafkaProducer<String, byte[]> producer = producer(ScramKafkaStack.OUTSIDER)) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> producer.send(
                            new ProducerRecord<>(Topics.TRANSCRIPTS, "x", new byte[] {1}))
                    .get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        }
        // the service's own user may write transcripts.v1 but not read it back
        assertThrows(TopicAuthorizationException.class, () -> fetchAs(ScramKafkaStack.SERVICE));
    }

    /** Fetches partition 0 of transcripts.v1 without a group for 10 s, or until Kafka refuses. */
    private static void fetchAs(String user) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                ScramKafkaStack.client(user), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(Topics.TRANSCRIPTS, 0)));
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500));
            }
        }
    }

    private static void describeCluster(Map<String, Object> settings) throws Exception {
        Map<String, Object> config = new HashMap<>(settings);
        config.put("request.timeout.ms", 3000);
        config.put("default.api.timeout.ms", 5000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String user) {
        Map<String, Object> settings = ScramKafkaStack.client(user);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** The first event with this key on transcripts.v1, read in a new group of the user's. */
    private static TranscriptEvent readAs(String user, String key) {
        Map<String, Object> settings = ScramKafkaStack.client(user);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "verify-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSCRIPTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return TranscriptEventCodec.decode(record.value());
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + Topics.TRANSCRIPTS + " within 30 s");
    }
}
