package dev.podsearch.ingest;

import static dev.podsearch.ingest.SampleExportParserTest.fixture;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TraceHeaders;
import dev.podsearch.testing.tracing.TestSpans;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The local default (sampler ratio 0): nothing is recorded or exported, yet the upload still gets a real trace id,
 * and it still goes on to the Kafka record (marked not sampled, so the indexer records nothing either).
 */
@QuarkusTest
@TestProfile(UnsampledTraceTest.NothingSampled.class)
class UnsampledTraceTest {

    public static class NothingSampled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.traces.sampler.arg", "0");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void traceIdsArePassedOnThoughNothingIsRecorded() {
        String id = given().contentType("text/plain")
                .queryParam("show", "Unsampled " + UUID.randomUUID())
                .body(fixture("harbour-episode.txt"))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String traceId = given().get("/v1/transcripts/{id}", id).path("traceId");
        assertTrue(traceId.matches("[0-9a-f]{32}") && !traceId.equals("0".repeat(32)), traceId);

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> TopicReader.recordsFor(Topics.TRANSCRIPTS, id, Duration.ofMillis(300)), r -> !r.isEmpty())
                .getFirst();
        String traceparent = TraceHeaders.traceparent(record.headers());
        assertTrue(traceparent.matches("00-" + traceId + "-[0-9a-f]{16}-00"), "not sampled: " + traceparent);
        // the relay's span ended before the record was read; spans are handed over every 50 ms in tests
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> TestSpans.ofTrace(spans, traceId).isEmpty());
        assertEquals(List.of(), TestSpans.ofTrace(spans, traceId));
    }
}
