package dev.podsearch.ingest;

import static dev.podsearch.ingest.SampleExportParserTest.fixture;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TraceHeaders;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.testing.tracing.LogCapture;
import dev.podsearch.testing.tracing.TestSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An upload's trace: its answers, the outbox, the Kafka record's traceparent, the status update, its log lines. */
@QuarkusTest
class UploadTraceTest {

    private static final String HEX32 = "[0-9a-f]{32}";

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theUploadsTraceGoesOnThroughTheOutboxToTheKafkaRecord() {
        var accepted = upload("Traced " + UUID.randomUUID());
        String id = accepted.path("id");
        String traceId = accepted.path("traceId");
        assertTrue(traceId.matches(HEX32), "a real trace id in the 202: " + traceId);
        given().get("/v1/transcripts/{id}", id).then().statusCode(200).body("traceId", equalTo(traceId));

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> TopicReader.recordsFor(Topics.TRANSCRIPTS, id, Duration.ofMillis(300)), r -> !r.isEmpty())
                .getFirst();
        String traceparent = TraceHeaders.traceparent(record.headers());
        assertTrue(traceparent != null && traceparent.startsWith("00-" + traceId + "-"), "header: " + traceparent);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = TestSpans.ofTrace(spans, traceId);
            SpanData server = only(trace, SpanKind.SERVER);
            SpanData publish = only(trace, SpanKind.PRODUCER);
            assertEquals(Topics.TRANSCRIPTS + " publish", publish.getName());
            assertEquals(server.getSpanId(), publish.getParentSpanId(), "the relay's span is a child of the upload's");
            assertEquals(id, publish.getAttributes().get(AttributeKey.stringKey("podsearch.episode.id")));
            assertEquals(traceparent.split("-")[2], publish.getSpanId(), "the header names the relay's span");
        });
    }

    @Test
    void theStatusUpdateGoesOnTheOutcomesTrace() throws Exception {
        var accepted = upload("Traced outcome " + UUID.randomUUID());
        String id = accepted.path("id");
        String traceId = accepted.path("traceId");
        String indexerSpan = "00f067aa0ba902b7";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer())) {
            IndexedEvent outcome = new IndexedEvent(id, 1, "INDEXED", Instant.now(), null);
            var record =
                    new ProducerRecord<>(Topics.TRANSCRIPTS_INDEXED, id, TranscriptEventCodec.encodeIndexed(outcome));
            record.headers()
                    .add(
                            TraceHeaders.TRACEPARENT,
                            ("00-" + traceId + "-" + indexerSpan + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/v1/transcripts/{id}", id)
                .then()
                .body("status", equalTo("INDEXED"))
                .body("traceId", equalTo(traceId)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SpanData status = only(TestSpans.ofTrace(spans, traceId), SpanKind.CONSUMER);
            assertEquals(Topics.TRANSCRIPTS_INDEXED + " process", status.getName());
            assertEquals(indexerSpan, status.getParentSpanId(), "a child of the outcome's span");
            assertEquals(true, status.getAttributes().get(AttributeKey.booleanKey("podsearch.status.changed")));
        });
    }

    @Test
    void theUploadsLogLinesCarryItsTraceId() {
        try (LogCapture log = LogCapture.of("dev.podsearch.ingest")) {
            var accepted = upload("Traced log " + UUID.randomUUID());
            String id = accepted.path("id");
            LogCapture.Line stored = log.lines().stream()
                    .filter(line ->
                            id.equals(line.episodeId()) && line.message().contains("stored revision"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no 'stored revision' line about " + id));
            assertEquals(accepted.path("traceId"), stored.traceId(), "traceId in the MDC of: " + stored.message());
        }
    }

    @Test
    void aDroppedFileGetsATraceOfItsOwn() throws Exception {
        String title = "Dropped traced " + UUID.randomUUID();
        Path incoming = Path.of(ConfigProvider.getConfig().getValue("ingest.drop.dir", String.class), "incoming");
        Files.createDirectories(incoming);
        Files.writeString(
                incoming.resolve("traced-" + UUID.randomUUID() + ".txt"),
                fixture("harbour-episode.txt").replace("Lighthouses and the Last Keepers", title));

        Transcript stored = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> QuarkusTransaction.requiringNew().call(() -> Transcript.<Transcript>find("title", title)
                                .firstResultOptional()
                                .orElse(null)),
                        t -> t != null);
        assertTrue(stored.traceId != null && stored.traceId.matches(HEX32), "trace id " + stored.traceId);
        given().get("/v1/transcripts/{id}", stored.id.toString()).then().body("traceId", equalTo(stored.traceId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpanData> trace = TestSpans.ofTrace(spans, stored.traceId);
            SpanData drop = trace.stream()
                    .filter(span -> span.getName().equals("drop-file"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no drop-file span in " + trace));
            assertTrue(!drop.getParentSpanContext().isValid(), "a root span");
            assertEquals(drop.getSpanId(), only(trace, SpanKind.PRODUCER).getParentSpanId());
        });
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> upload(String show) {
        return given().contentType("text/plain")
                .queryParam("show", show)
                .body(fixture("harbour-episode.txt"))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract();
    }

    private static SpanData only(List<SpanData> trace, SpanKind kind) {
        List<SpanData> found =
                trace.stream().filter(span -> span.getKind() == kind).toList();
        assertEquals(1, found.size(), kind + " spans of the trace: " + trace);
        return found.getFirst();
    }
}
