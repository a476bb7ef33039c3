package dev.podsearch.ingest;

import static dev.podsearch.ingest.SampleExportParserTest.fixture;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TranscriptLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ExtractableResponse<Response> upload(String show, String key, String body) {
        var request = given().contentType("text/plain").queryParam("show", show).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/v1/transcripts").then().extract();
    }

    @Test
    void theSameIdempotencyKeyAndRequestGetTheSameAnswer() {
        String show = "Idempotent " + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        String body = fixture("harbour-episode.txt");

        ExtractableResponse<Response> first = upload(show, key, body);
        ExtractableResponse<Response> second = upload(show, key, body);

        assertEquals(202, first.statusCode());
        assertEquals(202, second.statusCode());
        assertEquals(first.<String>path("id"), second.path("id"));
        assertEquals(1, (int) second.path("revision"));
        assertEquals(true, second.path("created"), "the stored answer, not a new evaluation");
    }

    @Test
    void theSameIdempotencyKeyWithOtherContentIsAConflict() {
        String show = "Idempotent " + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        upload(show, key, fixture("harbour-episode.txt"));

        ExtractableResponse<Response> conflict =
                upload(show, key, fixture("harbour-episode.txt").replace("thirty", "forty"));

        assertEquals(409, conflict.statusCode());
        assertEquals("application/problem+json", conflict.contentType());
        assertEquals("Idempotency-Key", conflict.path("header"));
        given().queryParam("show", show).get("/v1/transcripts").then().body("total", equalTo(1));
    }

    @Test
    void listsUploadsByShowAndStatusWithPaging() {
        String show = "Listing " + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            upload(show, null, fixture("harbour-episode.txt").replace("Lighthouses", "Lighthouses " + i));
        }

        given().queryParam("show", show)
                .queryParam("size", 2)
                .get("/v1/transcripts")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(2))
                .body("items.show", everyItem(equalTo(show)))
                .body("size", equalTo(2));
        given().queryParam("show", show)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/v1/transcripts")
                .then()
                .body("items", hasSize(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("show", show)
                .queryParam("status", "published")
                .get("/v1/transcripts")
                .then()
                .body("total", equalTo(3)));
        given().queryParam("status", "lost")
                .get("/v1/transcripts")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("status"));
        given().queryParam("size", 0)
                .get("/v1/transcripts")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("size"));
    }

    @Test
    void deleteMarksTheUploadDeletedAndPublishesADelete() {
        String id = upload("Deleting " + UUID.randomUUID(), null, fixture("harbour-episode.txt"))
                .path("id");

        given().delete("/v1/transcripts/{id}", id)
                .then()
                .statusCode(202)
                .body("status", equalTo("DELETED"))
                .body("revision", equalTo(2));
        given().get("/v1/transcripts/{id}", id)
                .then()
                .body("status", equalTo("DELETED"))
                .body("steps.deleted", notNullValue());
        given().delete("/v1/transcripts/{id}", id).then().statusCode(202).body("created", equalTo(false));
        given().delete("/v1/transcripts/{id}", UUID.randomUUID()).then().statusCode(404);

        List<TranscriptEvent> events = TopicReader.eventsFor(Topics.TRANSCRIPTS, id, Duration.ofSeconds(1));
        assertEquals(
                List.of(TranscriptEvent.Type.UPSERT, TranscriptEvent.Type.DELETE),
                events.stream().map(TranscriptEvent::type).toList());
        assertEquals(2, events.getLast().revision());
    }

    @Test
    void theIndexersOutcomeBecomesTheStatusOfTheCurrentRevisionOnly() throws Exception {
        String show = "Outcomes " + UUID.randomUUID();
        String indexed = upload(show, null, fixture("harbour-episode.txt")).path("id");
        String failed = upload(show, null, fixture("harbour-episode.txt").replace("Lighthouses", "Failing"))
                .path("id");

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(producer, new IndexedEvent(indexed, 7, "INDEXED", Instant.now(), null)); // not the current revision
            send(producer, new IndexedEvent(indexed, 1, "INDEXED", Instant.parse("2026-05-17T08:00:00Z"), null));
            send(producer, new IndexedEvent(failed, 1, "FAILED", Instant.now(), "mapper_parsing_exception: bad field"));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/v1/transcripts/{id}", indexed)
                .then()
                .body("status", equalTo("INDEXED"))
                .body("steps.indexed", equalTo("2026-05-17T08:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/v1/transcripts/{id}", failed)
                .then()
                .body("status", equalTo("FAILED"))
                .body("statusReason", containsString("mapper_parsing_exception")));
    }

    @Test
    void aFailedUploadBecomesIndexedWhenItsDeadLetterIsReplayedAfterAFix() throws Exception {
        String id = upload("Replayed " + UUID.randomUUID(), null, fixture("harbour-episode.txt"))
                .path("id");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(producer, new IndexedEvent(id, 1, "FAILED", Instant.now(), "strict_dynamic_mapping_exception"));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> given().get("/v1/transcripts/{id}", id).then().body("status", equalTo("FAILED")));
            // the index is fixed and the dead letter replayed: the same revision is indexed
            send(producer, new IndexedEvent(id, 1, "INDEXED", Instant.parse("2026-05-18T09:00:00Z"), null));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/v1/transcripts/{id}", id)
                .then()
                .body("status", equalTo("INDEXED"))
                .body("statusReason", nullValue())
                .body("steps.indexed", equalTo("2026-05-18T09:00:00Z")));
    }

    @Test
    void embeddedBecomesAStepOfTheIndexedCurrentRevisionAndTheStatusStaysIndexed() throws Exception {
        String show = "Embedded " + UUID.randomUUID();
        String id = upload(show, null, fixture("harbour-episode.txt")).path("id");
        String notIndexed = upload("Embedded " + UUID.randomUUID(), null, fixture("harbour-episode.txt"))
                .path("id");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(producer, new IndexedEvent(id, 1, "INDEXED", Instant.parse("2026-05-18T09:00:00Z"), null));
            send(producer, new IndexedEvent(id, 3, "EMBEDDED", Instant.now(), null)); // not the current revision
            send(producer, new IndexedEvent(id, 1, "EMBEDDED", Instant.parse("2026-05-18T09:00:07Z"), null));
            send(producer, new IndexedEvent(notIndexed, 1, "EMBEDDED", Instant.now(), null)); // never indexed
            send(producer, new IndexedEvent(notIndexed, 1, "FAILED", Instant.now(), "marker"));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/v1/transcripts/{id}", id)
                .then()
                .body("status", equalTo("INDEXED"))
                .body("steps.indexed", equalTo("2026-05-18T09:00:00Z"))
                .body("steps.embedded", equalTo("2026-05-18T09:00:07Z")));
        // outcomes of one episode are applied in order: once the marker shows, the EMBEDDED before it was seen
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/v1/transcripts/{id}", notIndexed)
                .then()
                .body("status", equalTo("FAILED"))
                .body("steps.embedded", nullValue()));

        // a new revision of the episode starts without the step
        var revised = upload(show, null, fixture("harbour-episode.txt").replace("keeper", "warden"));
        assertEquals(id, revised.path("id"));
        assertEquals(2, (int) revised.path("revision"));
        given().get("/v1/transcripts/{id}", id)
                .then()
                .body("revision", equalTo(2))
                .body("steps.indexed", nullValue())
                .body("steps.embedded", nullValue());
    }

    private static void send(KafkaProducer<String, byte[]> producer, IndexedEvent event) throws Exception {
        producer.send(new ProducerRecord<>(
                        Topics.TRANSCRIPTS_INDEXED, event.episodeId(), TranscriptEventCodec.encodeIndexed(event)))
                .get();
    }

    @Test
    void markupInTitlesAndTextIsStoredAsText() {
        String title = "<b>Bold</b> & <script>alert(1)</script> " + UUID.randomUUID();
        String id = given().contentType("text/plain")
                .queryParam("title", title)
                .body("Ignored title\nShow transcript\n00:00:01: a <i>tagged</i> line & more\n")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        given().get("/v1/transcripts/{id}", id).then().body("title", equalTo(title));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        "a <i>tagged</i> line & more",
                        TopicReader.eventsFor(Topics.TRANSCRIPTS, id, Duration.ofMillis(300))
                                .getFirst()
                                .segments()
                                .getFirst()
                                .text()));
    }
}
