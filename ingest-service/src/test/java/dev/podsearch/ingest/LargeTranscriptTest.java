package dev.podsearch.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LargeTranscriptTest {

    /** About 10 MB of text: a day of speech, one line every second. */
    static byte[] tenMegabytes(String title) {
        StringBuilder text = new StringBuilder(10_600_000).append(title).append("\nShow transcript\n");
        String sentence = "and then the keeper said that the fog horn was the loudest thing she had ever loved, line ";
        int second = 0;
        while (text.length() < 10_500_000) {
            text.append(String.format("%02d:%02d:%02d: ", second / 3600, (second / 60) % 60, second % 60))
                    .append(sentence)
                    .append(second)
                    .append('\n');
            second++;
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTenMegabyteTranscriptIsStoredAndPublished() {
        byte[] content = tenMegabytes("A very long day " + UUID.randomUUID());
        assertTrue(content.length >= 10_000_000);

        String id = given().contentType("text/plain")
                .body(content)
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () -> given().get("/v1/transcripts/{id}", id).then().body("status", equalTo("PUBLISHED")));
        List<TranscriptEvent> events = TopicReader.eventsFor(Topics.TRANSCRIPTS, id, Duration.ofSeconds(1));
        assertEquals(1, events.size());
        TranscriptEvent event = events.getFirst();
        int lines = given().get("/v1/transcripts/{id}", id).then().extract().path("segments");
        assertEquals(lines, event.segments().size());
        assertTrue(event.segments().getLast().text().endsWith("line " + (lines - 1)));
    }
}
