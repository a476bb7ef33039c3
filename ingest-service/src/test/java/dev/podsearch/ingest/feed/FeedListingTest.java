package dev.podsearch.ingest.feed;

import static dev.podsearch.ingest.feed.FeedSubscriptionTest.poll;
import static dev.podsearch.ingest.feed.FeedSubscriptionTest.subscribe;
import static dev.podsearch.ingest.feed.FeedSubscriptionTest.transcript;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The subscriptions as a list: listing, subscribing one URL again (or twice at once), unsubscribing. */
@QuarkusTest
class FeedListingTest {

    private final FeedServer server = new FeedServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void feedsAndItemsAreListedAndUnsubscribingKeepsTheEpisodes() {
        server.fixture("/feed.xml", "feed-v1.xml").fixture("/t/004.html", "004.html");
        String id = subscribe(server.base() + "/feed.xml");
        JsonPath polled = poll(id);
        Object episode = polled.getMap("items.find { it.guid == '" + server.guid("tidewater-004") + "' }")
                .get("episodeId");

        given().contentType("application/json")
                .body(Map.of("url", server.base() + "/feed.xml"))
                .post("/v1/feeds")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().get("/v1/feeds")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.lastResult", equalTo("PARTIAL"))
                .body("items.find { it.id == '" + id + "' }.items", nullValue());

        given().delete("/v1/feeds/{id}", id).then().statusCode(204);

        given().get("/v1/feeds/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no feed with id '" + id + "'"));
        assertEquals("html", transcript(episode).getString("format"));
        given().post("/v1/feeds/{id}/poll", id).then().statusCode(404);
    }

    @Test
    void subscribingOneUrlTwiceAtOnceMakesOneFeed() throws Exception {
        String url = server.base() + "/at-once.xml";
        try (var threads = Executors.newFixedThreadPool(4)) {
            List<Future<Response>> answers =
                    threads.invokeAll(Collections.nCopies(4, () -> given().contentType("application/json")
                            .body(Map.of("url", url))
                            .post("/v1/feeds")));
            List<Integer> statuses = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (var answer : answers) {
                statuses.add(answer.get().statusCode());
                ids.add(answer.get().jsonPath().getString("id"));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one creates it: " + statuses);
            assertEquals(3, statuses.stream().filter(s -> s == 200).count(), "the others find it: " + statuses);
            assertEquals(1, ids.size(), "one feed: " + ids);
            given().delete("/v1/feeds/{id}", ids.iterator().next()).then().statusCode(204);
        }
    }
}
