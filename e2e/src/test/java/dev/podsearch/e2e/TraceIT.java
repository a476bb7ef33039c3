package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.e2e.OtlpReceiver.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace from upload to searchable, across the packaged services, as a collector receives it: the spans the
 * ingest and index services export (OTLP/HTTP) share the upload's trace id and form one tree.
 */
@ExtendWith(PodsearchSystem.class)
class TraceIT {

    /** Words no other end-to-end test searches for: this episode must not change their results. */
    private static final String TRANSCRIPT =
            """
            Hangar Acoustics
            Show transcript
            00:00:01: the zeppelin hangar echoes for nine seconds after a single clap
            00:00:40: riggers hum to find the resonant note of the girders
            """;

    @Test
    void anUploadIsOneTraceAcrossTheServices() {
        PodsearchSystem.Running system = PodsearchSystem.get();
        var accepted = given().baseUri(system.ingest().url())
                .contentType("text/plain")
                .queryParam("show", "Traced Walks")
                .body(TRANSCRIPT)
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract();
        String id = accepted.path("id");
        String traceId = accepted.path("traceId");
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> given().baseUri(system.ingest().url())
                        .get("/v1/transcripts/{id}", id)
                        .then()
                        .body("status", equalTo("INDEXED"))
                        .body("steps.embedded", notNullValue())
                        .body("traceId", equalTo(traceId)));

        List<String> expected = List.of(
                "ingest-service SERVER POST /v1/transcripts",
                "ingest-service PRODUCER transcripts.v1 publish",
                "index-service CONSUMER transcripts.v1 process",
                "index-service INTERNAL bulk write",
                "index-service CONSUMER embed",
                "ingest-service CONSUMER transcripts.indexed.v1 process");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ReceivedSpan> trace = system.traces().trace(traceId);
            Set<String> seen = trace.stream()
                    .map(s -> s.service() + " " + s.kind().replace("SPAN_KIND_", "") + " " + s.name())
                    .collect(Collectors.toSet());
            assertTrue(seen.containsAll(expected), "spans of the trace: " + seen);
            // one tree: every span but the upload's request has its parent in the trace
            Map<String, ReceivedSpan> byId =
                    trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
            List<ReceivedSpan> roots = trace.stream()
                    .filter(s -> !byId.containsKey(s.parentSpanId()))
                    .toList();
            assertEquals(1, roots.size(), "one root: " + roots);
            assertEquals("SPAN_KIND_SERVER", roots.getFirst().kind());
        });
    }
}
