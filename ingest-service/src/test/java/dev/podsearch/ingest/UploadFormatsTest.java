package dev.podsearch.ingest;

import static dev.podsearch.ingest.SampleExportParserTest.fixture;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UploadFormatsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String upload(String contentType, String body, String title) {
        return given().contentType(contentType)
                .queryParam("title", title)
                .queryParam("show", "Formats")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static TranscriptEvent publishedEvent(String id) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> given().get("/v1/transcripts/{id}", id).then().body("status", equalTo("PUBLISHED")));
        List<TranscriptEvent> events = TopicReader.eventsFor(Topics.TRANSCRIPTS, id, Duration.ofMillis(500));
        assertEquals(1, events.size());
        return events.getFirst();
    }

    @Test
    void webVttByContentType() {
        String id = upload("text/vtt", fixture("keepers.vtt"), "VTT " + UUID.randomUUID());

        given().get("/v1/transcripts/{id}", id)
                .then()
                .body("format", equalTo("vtt"))
                .body("segments", equalTo(3));
        TranscriptEvent event = publishedEvent(id);
        assertEquals("Marta", event.segments().getFirst().speaker());
        assertEquals(11_500L, event.segments().get(2).startMs());
    }

    @Test
    void srtSniffedFromPlainText() {
        String id = upload("text/plain; charset=utf-8", fixture("keepers.srt"), "SRT " + UUID.randomUUID());

        // the speakers its lines name, in the order they first speak, as the query service shows them
        given().get("/v1/transcripts/{id}", id)
                .then()
                .body("format", equalTo("srt"))
                .body("speakers", equalTo(List.of("Marta", "Host")));
        assertEquals("Host", publishedEvent(id).segments().get(1).speaker());
    }

    @Test
    void podcastingJsonMergedIntoLines() {
        String id = upload("application/json", fixture("keepers.json"), "JSON " + UUID.randomUUID());

        TranscriptEvent event = publishedEvent(id);
        assertEquals(
                "Welcome back to Coastal Hours.", event.segments().getFirst().text());
        assertEquals(3, event.segments().size());
    }

    @Test
    void htmlByContentTypeWithItsLineErrors() {
        String id = upload("text/html; charset=utf-8", fixture("keepers.html"), "HTML " + UUID.randomUUID());

        given().get("/v1/transcripts/{id}", id)
                .then()
                .body("format", equalTo("html"))
                .body("segments", equalTo(3))
                .body("speakers", equalTo(List.of("Marta", "Host")));
        TranscriptEvent event = publishedEvent(id);
        assertEquals(
                "Welcome back to Coastal Hours.", event.segments().getFirst().text());
        assertEquals(4_000L, event.segments().get(1).startMs());

        given().contentType("text/html")
                .queryParam("title", "Broken HTML " + UUID.randomUUID())
                .body("<cite>A:</cite>\n<time>0:01</time>\n<p>fine</p>\n<time>soon</time>\n<p>x</p>")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/unparseable-transcript"))
                .body("line", equalTo(4))
                .body("detail", equalTo("malformed time 'soon': expected M:SS or H:MM:SS"));
    }

    @Test
    void aForcedFormatWinsAndAnUnknownOneIsABadParameter() {
        given().contentType("text/plain")
                .queryParam("title", "Forced " + UUID.randomUUID())
                .queryParam("format", "vtt")
                .body(fixture("keepers.srt"))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(422)
                .body("line", equalTo(1))
                .body("detail", containsString("WEBVTT"));

        given().contentType("text/plain")
                .queryParam("format", "docx")
                .body(fixture("keepers.srt"))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("format"))
                .body("detail", containsString("sample, podcasting-json, vtt, srt, html, text"));
    }

    @Test
    void multipartFormWithMetadataFields() {
        String title = "Form upload " + UUID.randomUUID();
        String id = given().multiPart(
                        "file", "keepers.vtt", fixture("keepers.vtt").getBytes(StandardCharsets.UTF_8), "text/vtt")
                .multiPart("title", title)
                .multiPart("show", "Coastal Hours")
                .multiPart("publishedAt", "2026-05-17T06:00:00Z")
                .multiPart("speakers", "Marta, Host")
                .queryParam("show", "overridden by the form field")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        given().get("/v1/transcripts/{id}", id)
                .then()
                .body("title", equalTo(title))
                .body("show", equalTo("Coastal Hours"))
                .body("publishedAt", equalTo("2026-05-17T06:00:00Z"))
                .body("speakers", equalTo(List.of("Marta", "Host")))
                .body("format", equalTo("vtt"));
    }

    @Test
    void aFormWithoutAFileIsABadParameter() {
        given().multiPart("title", "No file")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("file"));
    }
}
