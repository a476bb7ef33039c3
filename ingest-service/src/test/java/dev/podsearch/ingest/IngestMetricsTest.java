package dev.podsearch.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code /q/metrics}: uploads counted by format and outcome, their sizes, and the outbox's backlog. */
@QuarkusTest
class IngestMetricsTest {

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static String metrics() {
        return ManagementPort.given()
                .accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The first sample of {@code name} whose labels contain every one of {@code labels}; 0 when there is none. */
    static double sample(String text, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? ([0-9.eE+-]+)$")
                .matcher(text);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    @Test
    void uploadsAreCountedByFormatAndOutcomeWithTheirSize() {
        String before = metrics();
        String created = "podsearch_ingest_uploads_total";
        double vttCreated = sample(before, created, "format=\"vtt\"", "outcome=\"created\"");
        double vttUnchanged = sample(before, created, "format=\"vtt\"", "outcome=\"unchanged\"");
        double rejected = sample(before, created, "outcome=\"rejected\"");
        double bytes = sample(before, "podsearch_ingest_upload_bytes_sum");

        String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Counting uploads " + UUID.randomUUID() + "\n";
        String show = "Metrics Show " + UUID.randomUUID();
        for (int i = 0; i < 2; i++) { // the second time the content is already stored
            given().contentType("text/vtt")
                    .queryParam("show", show)
                    .queryParam("title", "Counted")
                    .body(vtt)
                    .post("/v1/transcripts")
                    .then()
                    .statusCode(202);
        }
        given().contentType("text/vtt")
                .queryParam("show", show)
                .queryParam("title", "Broken")
                .body("WEBVTT\n\nnot a cue at all -->\n")
                .post("/v1/transcripts")
                .then()
                .statusCode(422);

        String after = metrics();
        assertEquals(vttCreated + 1, sample(after, created, "format=\"vtt\"", "outcome=\"created\""));
        assertEquals(vttUnchanged + 1, sample(after, created, "format=\"vtt\"", "outcome=\"unchanged\""));
        assertEquals(rejected + 1, sample(after, created, "outcome=\"rejected\""));
        double sent = 2 * vtt.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "WEBVTT\n\nnot a cue at all -->\n".length();
        assertEquals(bytes + sent, sample(after, "podsearch_ingest_upload_bytes_sum"));
    }

    @Test
    void theFirstIndexedOutcomeOfARevisionRecordsHowLongItTookFromReceipt() throws Exception {
        String id = given().contentType("text/vtt")
                .queryParam("show", "Fresh Show " + UUID.randomUUID())
                .queryParam("title", "Fresh")
                .body("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nFresh words " + UUID.randomUUID() + "\n")
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        double count = sample(metrics(), "podsearch_ingest_freshness_seconds_count");
        double sum = sample(metrics(), "podsearch_ingest_freshness_seconds_sum");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer())) {
            // indexed an hour after it was received, then the same outcome again (redelivered: not counted twice)
            IndexedEvent indexed =
                    new IndexedEvent(id, 1, "INDEXED", Instant.now().plusSeconds(3600), null);
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>(
                                Topics.TRANSCRIPTS_INDEXED, id, TranscriptEventCodec.encodeIndexed(indexed)))
                        .get();
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/v1/transcripts/{id}", id)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("INDEXED")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String now = metrics();
            assertEquals(count + 1, sample(now, "podsearch_ingest_freshness_seconds_count"));
            double added = sample(now, "podsearch_ingest_freshness_seconds_sum") - sum;
            assertTrue(added > 3590 && added < 3700, "an hour from receipt to indexed, got " + added + " s");
        });
    }

    @Test
    void anAcknowledgedEventRecordsHowLongItWaitedSinceItsCommit() {
        double count = sample(metrics(), "podsearch_ingest_publish_lag_seconds_count");
        double sum = sample(metrics(), "podsearch_ingest_publish_lag_seconds_sum");
        // an event committed an hour ago and due now (as after a long Kafka outage): the relay sends it at once
        String key = "publish-lag-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("INSERT INTO outbox_event (topic, record_key, episode_id, revision, event_type,"
                        + " payload, created_at) VALUES ('transcripts.v1', :key, gen_random_uuid(), 1, 'UPSERT',"
                        + " '{}', now() - interval '1 hour')")
                .setParameter("key", key)
                .executeUpdate());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = metrics();
            assertTrue(sample(now, "podsearch_ingest_publish_lag_seconds_count") >= count + 1, "it was counted");
            double added = sample(now, "podsearch_ingest_publish_lag_seconds_sum") - sum;
            assertTrue(added >= 3600 && added < 3900, "an hour from commit to acknowledgement, got " + added + " s");
        });
    }

    @Test
    void theOutboxBacklogCountsWaitingEventsAndTheAgeOfTheOldest() {
        // an event an hour old that waits for a retry far in the future: the relay leaves it alone
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("INSERT INTO outbox_event (topic, record_key, episode_id, revision,"
                                + " event_type, payload, created_at, next_attempt_at) VALUES ('transcripts.v1', 'k',"
                                + " gen_random_uuid(), 1, 'UPSERT', '{}', now() - interval '1 hour',"
                                + " now() + interval '1 day') RETURNING id")
                        .getSingleResult())
                .longValue());
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String now = metrics();
                assertTrue(sample(now, "podsearch_ingest_outbox_backlog") >= 1, "the waiting event is counted");
                assertTrue(sample(now, "podsearch_ingest_outbox_oldest_seconds") >= 3600, "its age is the lag");
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("DELETE FROM outbox_event WHERE id = :id")
                    .setParameter("id", id)
                    .executeUpdate());
        }
        // everything else of this run is published (Kafka is up): the backlog drains to 0, its age with it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String now = metrics();
            assertEquals(0, sample(now, "podsearch_ingest_outbox_backlog"));
            assertEquals(0, sample(now, "podsearch_ingest_outbox_oldest_seconds"));
        });
    }
}
