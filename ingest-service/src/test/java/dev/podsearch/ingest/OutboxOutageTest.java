package dev.podsearch.ingest;

import static dev.podsearch.ingest.SampleExportParserTest.fixture;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.testing.management.ManagementPort;
import dev.podsearch.testing.stack.StackTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxOutageTest {

    @Test
    void uploadsAcceptedWhileKafkaIsDownArePublishedExactlyOnceWhenItIsBack() {
        RunningStack stack = StackTestResource.current();
        String show = "Outage " + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        stack.interrupt(LocalStack.Component.KAFKA);
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(given().contentType("text/plain")
                        .queryParam("show", show)
                        .body(fixture("harbour-episode.txt").replace("Lighthouses", "Lighthouses " + i))
                        .when()
                        .post("/v1/transcripts")
                        .then()
                        .statusCode(202)
                        .body("status", equalTo("RECEIVED"))
                        .extract()
                        .path("id"));
            }
            // still ready (it takes uploads), and readiness says why nothing is published
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> ManagementPort.given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'outbox' }.data.kafka", startsWith("not publishing: ")));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().queryParam(
                            "show", show)
                    .queryParam("status", "RECEIVED")
                    .get("/v1/transcripts")
                    .then()
                    .body("total", equalTo(3)));
        } finally {
            stack.resume(LocalStack.Component.KAFKA);
        }

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> given().get("/v1/transcripts/{id}", id).then().body("status", equalTo("PUBLISHED")));
        }
        for (String id : ids) {
            List<TranscriptEvent> events = TopicReader.eventsFor(Topics.TRANSCRIPTS, id, Duration.ofSeconds(1));
            assertEquals(
                    List.of(1L), events.stream().map(TranscriptEvent::revision).toList(), "one event for " + id);
        }
    }
}
