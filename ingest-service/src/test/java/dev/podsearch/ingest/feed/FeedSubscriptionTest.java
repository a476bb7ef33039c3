package dev.podsearch.ingest.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.ingest.TopicReader;
import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Subscribing to a feed served by a local server: what is stored, what a re-poll and a changed feed do. */
@QuarkusTest
class FeedSubscriptionTest {

    private final FeedServer server = new FeedServer();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static String subscribe(String url) {
        return given().contentType("application/json")
                .body(Map.of("url", url))
                .when()
                .post("/v1/feeds")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/feeds/"))
                .body("url", equalTo(url))
                .body("lastResult", nullValue())
                .extract()
                .path("id");
    }

    /** Asks for a poll (202, the lease taken) and waits for its result: the feed as the poll left it. */
    static JsonPath poll(String id) {
        String before = given().post("/v1/feeds/{id}/poll", id)
                .then()
                .statusCode(202)
                .header("Location", endsWith("/v1/feeds/" + id))
                .body("id", equalTo(id))
                .body("polling", equalTo(true))
                .extract()
                .path("lastPollAt");
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().get("/v1/feeds/{id}", id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        feed -> !feed.getBoolean("polling")
                                && feed.getString("lastPollAt") != null
                                && !feed.getString("lastPollAt").equals(before));
    }

    private Map<String, Object> item(JsonPath feed, String fixtureGuid) {
        return feed.getMap("items.find { it.guid == '" + server.guid(fixtureGuid) + "' }");
    }

    static JsonPath transcript(Object episodeId) {
        return given().get("/v1/transcripts/{id}", episodeId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void subscribingStoresEachTranscriptWithTheFeedsMetadataAndPollsAgainOnlyWhatChanged() {
        server.fixture("/feed.xml", "feed-v1.xml");
        for (String file : List.of("001.json", "001.vtt", "001.srt", "002.vtt", "002.srt", "003.srt", "003.txt")) {
            server.fixture("/t/" + file, file);
        }
        server.fixture("/t/004.html", "004.html").fixture("/t/006.json", "006.json");
        String id = subscribe(server.base() + "/feed.xml");

        JsonPath first = poll(id);

        assertEquals("UPDATED", first.getString("lastResult"));
        assertNull(first.get("lastError"));
        assertEquals("Tidewater Notes", first.getString("title"));
        assertTrue(Instant.parse(first.getString("nextPollAt"))
                .isAfter(Instant.now().plus(Duration.ofMinutes(20))));
        assertEquals(5, first.getList("items").size());
        // the richest format of each, the captions flag, and the item without a transcript: no episode, no error
        assertEquals(server.base() + "/t/001.json", item(first, "tidewater-001").get("transcriptUrl"));
        assertEquals(true, item(first, "tidewater-002").get("captions"));
        assertEquals("application/x-subrip", item(first, "tidewater-003").get("transcriptType"));
        assertNull(item(first, "tidewater-005").get("episodeId"));
        assertNull(item(first, "tidewater-005").get("error"));

        Map<String, List<String>> expected = Map.of(
                "tidewater-001", List.of("podcasting-json", "Salt Marsh Mornings", "2026-03-03T06:00:00Z", "en"),
                "tidewater-002", List.of("vtt", "The Ferryman's Ledger", "2026-03-10T06:00:00Z", "en"),
                "tidewater-003", List.of("srt", "Oyster Beds at Low Water", "2026-03-17T06:00:00Z", "en"),
                "tidewater-004", List.of("html", "Fog Signals & Foghorns", "2026-03-24T06:00:00Z", "pt-BR"));
        expected.forEach((guid, values) -> {
            Object episodeId = item(first, guid).get("episodeId");
            JsonPath stored = transcript(episodeId);
            assertEquals(values.get(0), stored.getString("format"), guid);
            assertEquals(values.get(1), stored.getString("title"));
            assertEquals("Tidewater Notes", stored.getString("show"));
            assertEquals(server.guid(guid), stored.getString("externalId"));
            assertEquals(values.get(2), stored.getString("publishedAt"));
            assertEquals(values.get(3), stored.getString("language"));
            assertEquals("https://cdn.tidewater.example/" + guid.substring(10) + ".mp3", stored.getString("audioUrl"));
            assertEquals(1, stored.getInt("revision"));
        });
        // the way an upload goes: its event is on the topic
        String ferryman = item(first, "tidewater-002").get("episodeId").toString();
        List<TranscriptEvent> events = TopicReader.eventsFor(Topics.TRANSCRIPTS, ferryman, Duration.ofSeconds(1));
        assertEquals(1, events.size());
        assertEquals("Rosa", events.getFirst().segments().getFirst().speaker());
        assertEquals(server.guid("tidewater-002"), events.getFirst().episode().externalId());
        assertEquals("gzip", server.requestsFor("/feed.xml").getFirst().acceptEncoding());

        // unchanged: the server is asked conditionally and answers 304; nothing new is stored
        JsonPath again = poll(id);

        assertEquals("NOT_MODIFIED", again.getString("lastResult"));
        List<FeedServer.Seen> feedRequests = server.requestsFor("/feed.xml");
        assertEquals(2, feedRequests.size());
        assertNotNull(feedRequests.get(1).ifNoneMatch());
        assertEquals("Tue, 07 Apr 2026 06:00:00 GMT", feedRequests.get(1).ifModifiedSince());
        assertEquals(1, transcript(ferryman).getInt("revision"));
        assertTrue(ManagementPort.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .contains("podsearch_ingest_feed_polls_total{result=\"NOT_MODIFIED\"}"));

        // changed: one transcript is longer, one item is new; the others are fetched conditionally and kept
        server.fixture("/feed.xml", "feed-v2.xml").fixture("/t/002.vtt", "002-v2.vtt");

        JsonPath changed = poll(id);

        assertEquals("UPDATED", changed.getString("lastResult"));
        assertEquals(6, changed.getList("items").size());
        assertEquals(2, transcript(ferryman).getInt("revision"));
        assertEquals(
                2,
                TopicReader.eventsFor(Topics.TRANSCRIPTS, ferryman, Duration.ofSeconds(1))
                        .size());
        assertEquals(
                1, transcript(item(changed, "tidewater-001").get("episodeId")).getInt("revision"));
        assertEquals(
                1, transcript(item(changed, "tidewater-006").get("episodeId")).getInt("revision"));
        assertEquals(
                "Eelgrass Returns",
                transcript(item(changed, "tidewater-006").get("episodeId")).getString("title"));
        assertNotNull(server.requestsFor("/t/001.json").getLast().ifNoneMatch());

        // an item that leaves the feed is marked so; its episode stays
        server.route(
                "/feed.xml",
                s -> s.fill(FeedParserTest.fixture("feed-v2.xml")
                        .replaceAll("(?s)<item>\\s*<title>Oyster Beds.*?</item>", "")));

        JsonPath gone = poll(id);

        assertEquals("UNCHANGED", gone.getString("lastResult"));
        assertEquals(false, item(gone, "tidewater-003").get("inFeed"));
        JsonPath oyster = transcript(item(gone, "tidewater-003").get("episodeId"));
        assertFalse(oyster.getString("status").equals("DELETED"));

        // the item's metadata changed, its transcript did not: fetched in full again, the episode takes the new date
        server.route(
                "/feed.xml",
                s -> s.fill(FeedParserTest.fixture("feed-v2.xml")
                        .replace("Tue, 03 Mar 2026 06:00:00 GMT", "Wed, 04 Mar 2026 07:30:00 GMT")));

        JsonPath redated = poll(id);

        assertEquals("UPDATED", redated.getString("lastResult"));
        JsonPath saltMarsh = transcript(item(redated, "tidewater-001").get("episodeId"));
        assertEquals("2026-03-04T07:30:00Z", saltMarsh.getString("publishedAt"));
        assertEquals(2, saltMarsh.getInt("revision"));
        assertNull(server.requestsFor("/t/001.json").getLast().ifNoneMatch());
        assertEquals(true, item(redated, "tidewater-003").get("inFeed")); // back in the feed
    }

    @Test
    void aTranscriptThatCannotBeParsedIsShownOnItsItemAndTriedAgain() {
        String feed = "<rss xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel><title>Broken</title>"
                + "<item><guid>tidewater-b1</guid><title>Good</title><podcast:transcript url=\"{{base}}/good.srt\""
                + " type=\"application/x-subrip\"/></item>"
                + "<item><guid>tidewater-b2</guid><title>Bad</title><podcast:transcript url=\"{{base}}/bad.srt\""
                + " type=\"application/x-subrip\"/></item>"
                + "<item><guid>tidewater-b3</guid><title>Missing</title><podcast:transcript url=\"{{base}}/gone.vtt\""
                + " type=\"text/vtt\"/></item></channel></rss>";
        server.route("/broken.xml", s -> s.fill(feed))
                .route("/good.srt", s -> "1\n00:00:01,000 --> 00:00:02,000\nfine\n".getBytes())
                .route("/bad.srt", s -> "1\n00:00:01,000 --> 00:0x:02,000\nbroken\n".getBytes());
        String id = subscribe(server.base() + "/broken.xml");

        JsonPath polled = poll(id);

        assertEquals("PARTIAL", polled.getString("lastResult"));
        assertEquals("2 of 3 items failed (see each item's error)", polled.getString("lastError"));
        assertNotNull(item(polled, "tidewater-b1").get("episodeId"));
        assertEquals(
                "the transcript at " + server.base() + "/bad.srt was refused: malformed timestamp '00:0x:02,000':"
                        + " expected HH:MM:SS.mmm (line 2)",
                item(polled, "tidewater-b2").get("error"));
        assertEquals(
                "the transcript answered HTTP 404 at " + server.base() + "/gone.vtt (check the URL: nothing is there)",
                item(polled, "tidewater-b3").get("error"));

        // the fix is picked up at the next poll: the feed is read in full again, not answered 304
        server.route("/bad.srt", s -> "1\n00:00:01,000 --> 00:00:02,000\nfixed\n".getBytes());

        JsonPath fixed = poll(id);

        assertNull(server.requestsFor("/broken.xml").getLast().ifNoneMatch());
        assertNull(item(fixed, "tidewater-b2").get("error"));
        assertNotNull(item(fixed, "tidewater-b2").get("episodeId"));
    }
}
