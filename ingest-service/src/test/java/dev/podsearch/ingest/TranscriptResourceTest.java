package dev.podsearch.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TranscriptResourceTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static ExtractableResponse<Response> upload(String body, String show) {
        return given().contentType("text/plain")
                .queryParam("show", show)
                .body(body)
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract();
    }

    private static long transcriptCount() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Transcript.count());
    }

    @Test
    void acceptsASampleExportAndPublishesItsEvent() {
        String show = "Coastal Hours " + UUID.randomUUID();
        ExtractableResponse<Response> accepted = given().contentType("text/plain")
                .queryParam("show", show)
                .queryParam("publishedAt", "2026-05-17")
                .queryParam("audioUrl", "https://media.example.org/coastal/1.mp3")
                .body(SampleExportParserTest.fixture("harbour-episode.txt"))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .header("Location", matchesPattern(".*/v1/transcripts/" + UUID_PATTERN))
                .body("id", matchesPattern(UUID_PATTERN))
                .body("revision", equalTo(1))
                .body("status", equalTo("RECEIVED"))
                .body("created", equalTo(true))
                .extract();
        String id = accepted.path("id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/v1/transcripts/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("title", equalTo("Lighthouses and the Last Keepers"))
                .body("show", equalTo(show))
                .body("segments", equalTo(8))
                .body("steps.received", notNullValue())
                .body("steps.published", notNullValue()));

        List<TranscriptEvent> events = TopicReader.eventsFor(Topics.TRANSCRIPTS, id, Duration.ofSeconds(1));
        assertEquals(1, events.size(), "exactly one event per revision");
        TranscriptEvent event = events.getFirst();
        assertEquals(TranscriptEvent.Type.UPSERT, event.type());
        assertEquals(1, event.revision());
        assertEquals(Instant.parse("2026-05-17T00:00:00Z"), event.episode().publishedAt());
        assertEquals("https://media.example.org/coastal/1.mp3", event.episode().audioUrl());
        assertEquals(8, event.segments().size());
        assertEquals(19_000L, event.segments().get(3).startMs());
        assertEquals(
                "She says the fog horn is the loudest thing she has ever loved.",
                event.segments().get(3).text());
    }

    @Test
    void identicalContentKeepsTheRevisionAndNewContentAddsOne() {
        String show = "Revisions " + UUID.randomUUID();
        String original = SampleExportParserTest.fixture("harbour-episode.txt");
        String id = upload(original, show).path("id");

        ExtractableResponse<Response> again = upload(original, show);
        assertEquals(id, again.path("id"));
        assertEquals(1, (int) again.path("revision"));
        assertEquals(false, again.path("created"));

        ExtractableResponse<Response> changed = upload(original.replace("thirty one years", "thirty two years"), show);
        assertEquals(id, changed.path("id"));
        assertEquals(2, (int) changed.path("revision"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> given().get("/v1/transcripts/{id}", id).then().body("status", equalTo("PUBLISHED")));
        List<TranscriptEvent> events = TopicReader.eventsFor(Topics.TRANSCRIPTS, id, Duration.ofSeconds(1));
        assertEquals(
                List.of(1L, 2L), events.stream().map(TranscriptEvent::revision).toList());
    }

    @Test
    void rejectsAMalformedTimestampNamingTheLineAndStoresNothing() {
        long before = transcriptCount();

        given().contentType("text/plain")
                .body(SampleExportParserTest.fixture("malformed-timestamp.txt"))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/unparseable-transcript"))
                .body("status", equalTo(422))
                .body("line", equalTo(7))
                .body("detail", containsString("malformed timestamp '00:0x:09:'"));

        assertEquals(before, transcriptCount());
    }

    @Test
    void rejectsBinaryInvalidUtf8AndTranscriptsWithoutSegments() {
        long before = transcriptCount();
        given().contentType("application/octet-stream")
                .body(new byte[] {'T', 'i', 't', 'l', 'e', '\n', 0, 1, 2})
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("binary"))
                .body("line", equalTo(2));
        given().contentType("text/plain")
                .body(new byte[] {'T', '\n', 'S', 'h', 'o', 'w', ' ', (byte) 0xFF, (byte) 0xFE})
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(422)
                .body("detail", containsString("not valid UTF-8"))
                .body("line", equalTo(2));
        given().contentType("text/plain")
                .body("A title\nShow transcript\n00:00:01:\n00:00:02:   \nNew comment\n")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(422)
                .body("detail", equalTo("the transcript has no timed lines"));
        assertEquals(before, transcriptCount());
    }

    @Test
    void rejectsAnEmptyBody() {
        given().contentType("text/plain")
                .body("")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("the transcript is empty"));
    }

    @Test
    void acceptsPlainTextButOnlyWithATitle() {
        given().contentType("text/plain")
                .body("just some words\nwithout any timestamps\n")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("title"))
                .body("detail", containsString("a text transcript carries no title"));

        String id = given().contentType("text/plain")
                .queryParam("title", "Untimed notes " + UUID.randomUUID())
                .body("first paragraph\n\nsecond paragraph\n")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        given().get("/v1/transcripts/{id}", id)
                .then()
                .body("format", equalTo("text"))
                .body("segments", equalTo(2));
    }

    @Test
    void rejectsBadMetadataNamingTheParameter() {
        given().contentType("text/plain")
                .queryParam("publishedAt", "17/05/2026")
                .body(SampleExportParserTest.fixture("harbour-episode.txt"))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("publishedAt"))
                .body("detail", containsString("17/05/2026"));

        given().contentType("text/plain")
                .queryParam("audioUrl", "ftp://example.org/a.mp3")
                .body(SampleExportParserTest.fixture("harbour-episode.txt"))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("audioUrl"));
    }

    @Test
    void answersNotFoundAndBadIdsAsProblems() {
        given().get("/v1/transcripts/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"));

        given().get("/v1/transcripts/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("id"));
    }

    @Test
    void rejectsAnUploadOverTheLimitBeforeReadingIt() {
        long before = transcriptCount();
        byte[] big = new byte[13 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');

        given().contentType("text/plain")
                .body(big)
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("limit", equalTo(12 * 1024 * 1024))
                .body("detail", containsString("the limit is 12582912 bytes"));

        assertEquals(before, transcriptCount());
    }

    @Test
    void rejectsUnsupportedContentTypesNamingTheOneReceivedAndTheAcceptedOnes() {
        given().contentType("image/png")
                .body(new byte[] {1, 2, 3})
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/unsupported-media-type"))
                .body("received", startsWith("image/png"))
                .body("accepted", hasItems("text/plain", "text/vtt", "application/json", "multipart/form-data"))
                .body(
                        "detail",
                        allOf(
                                containsString("is not accepted here; POST /v1/transcripts takes "),
                                containsString("text/plain"),
                                containsString("multipart/form-data")));
    }

    @Test
    void curlsDefaultFormTypeGetsAHint() {
        given().contentType("application/x-www-form-urlencoded")
                .body("00:00:01: hello")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("received", startsWith("application/x-www-form-urlencoded"))
                .body("detail", containsString("is what curl -d sends when no type is given: add -H 'Content-Type: "));
    }

    @Test
    void refusesImplausiblePublicationDates() {
        for (String date : List.of(
                "1899-12-31",
                "1900-01-01T00:00:00+00:01",
                Instant.now().plus(Duration.ofDays(2)).toString())) {
            given().contentType("text/plain")
                    .queryParam("publishedAt", date)
                    .body(SampleExportParserTest.fixture("harbour-episode.txt"))
                    .when()
                    .post("/v1/transcripts")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://podsearch.dev/problems/invalid-parameter"))
                    .body("parameter", equalTo("publishedAt"))
                    .body(
                            "detail",
                            containsString(
                                    "is not a plausible publication date: it must be from 1900-01-01T00:00:00Z to a day from now"));
        }
    }

    @Test
    void aPageFarPastTheEndIsEmptyNeverWrappedOrAnError() {
        upload(SampleExportParserTest.fixture("harbour-episode.txt"), "Paging " + UUID.randomUUID());
        for (String page : List.of("21474837", "42949673", "2147483647")) {
            given().queryParam("page", page)
                    .queryParam("size", 100)
                    .get("/v1/transcripts")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0))
                    .body("page", equalTo(Integer.parseInt(page)))
                    .body("size", equalTo(100))
                    .body("total", greaterThan(0));
        }
        given().queryParam("page", "2147483648")
                .get("/v1/transcripts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("page"))
                .body("detail", equalTo("page must be a whole number from 0 to 2147483647, not '2147483648'"));
    }
}
