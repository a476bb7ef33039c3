package dev.podsearch.ingest.feed;

import static dev.podsearch.ingest.feed.FeedSubscriptionTest.poll;
import static dev.podsearch.ingest.feed.FeedSubscriptionTest.subscribe;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feeds that attack or mislead: each is refused with a reason a person can act on, and the feed is retried later. */
@QuarkusTest
class FeedGuardTest {

    private final FeedServer server = new FeedServer();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private JsonPath pollFailing(String path) {
        JsonPath feed = poll(subscribe(server.base() + path));
        assertEquals("FAILED", feed.getString("lastResult"));
        assertEquals(1, feed.getInt("failures"));
        assertTrue(Instant.parse(feed.getString("nextPollAt"))
                .isAfter(Instant.now().plus(Duration.ofMinutes(20))));
        return feed;
    }

    @Test
    void refusesExternalEntitiesAndEntityExpansion() {
        server.route(
                        "/xxe.xml",
                        s -> ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                        + "<rss><channel><title>&x;</title></channel></rss>")
                                .getBytes(StandardCharsets.UTF_8))
                .route(
                        "/laughs.xml",
                        s -> ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;"
                                        + "&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                                        + "<rss><channel><title>&c;</title></channel></rss>")
                                .getBytes(StandardCharsets.UTF_8));

        for (String path : new String[] {"/xxe.xml", "/laughs.xml"}) {
            assertEquals(
                    "the feed declares a DTD (<!DOCTYPE ...>), which is refused: RSS needs none, and DTDs carry"
                            + " external entities and entity expansion",
                    pollFailing(path).getString("lastError"));
        }
    }

    @Test
    void refusesAFeedOverTheSizeLimitWithoutReadingItAll() {
        String item = "<item><guid>g</guid><title>" + "x".repeat(1000) + "</title></item>";
        server.route("/huge.xml", s -> ("<rss><channel><title>Huge</title>" + item.repeat(400) + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(
                "the feed is larger than 262144 bytes, the limit (decompressed)",
                pollFailing("/huge.xml").getString("lastError"));
    }

    @Test
    void refusesARedirectToAPrivateAddress() {
        server.redirect("/moved.xml", "http://10.20.30.40/feed.xml");

        assertEquals(
                "refused to fetch the feed at http://10.20.30.40/feed.xml (redirected from " + server.base()
                        + "/moved.xml): host '10.20.30.40' resolves to 10.20.30.40, a private address; such targets"
                        + " are refused unless outbound.allow names them",
                pollFailing("/moved.xml").getString("lastError"));
    }

    @Test
    void followsAFewRedirectsOnAllowedAddressesButNotALoop() {
        server.redirect("/loop.xml", "/loop.xml");

        assertEquals(
                "the feed redirects more than 5 times", pollFailing("/loop.xml").getString("lastError"));
        assertEquals(6, server.requestsFor("/loop.xml").size());
    }

    @Test
    void saysWhenTheUrlIsNotAFeedOrHasNoTranscripts() {
        server.route("/page.xml", s -> "<html><body>Our podcast</body></html>".getBytes(StandardCharsets.UTF_8))
                .route("/bare.xml", s -> "<rss><channel><title>Bare</title><item><guid>a</guid></item></channel></rss>"
                        .getBytes(StandardCharsets.UTF_8));

        assertEquals(
                "not a feed: the URL answers an HTML page; give the feed's own URL",
                pollFailing("/page.xml").getString("lastError"));
        JsonPath bare = poll(subscribe(server.base() + "/bare.xml"));
        assertEquals("NO_TRANSCRIPTS", bare.getString("lastResult"));
        assertTrue(bare.getString("lastError").startsWith("the feed lists 1 item, none with a <podcast:transcript>"));
    }

    @Test
    void refusesToSubscribeToPrivateAddressesAndOtherSchemes() {
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data", "http://192.168.1.1/feed"}) {
            given().contentType("application/json")
                    .body(Map.of("url", url))
                    .post("/v1/feeds")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo("url"))
                    .body("detail", org.hamcrest.Matchers.containsString("address; such targets are refused"));
        }
        given().contentType("application/json")
                .body(Map.of("url", "file:///etc/passwd"))
                .post("/v1/feeds")
                .then()
                .statusCode(400)
                .body("detail", equalTo("url: only http and https URLs are allowed, not 'file'"));
        given().contentType("application/json")
                .body(Map.of())
                .post("/v1/feeds")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("url"));
    }
}
