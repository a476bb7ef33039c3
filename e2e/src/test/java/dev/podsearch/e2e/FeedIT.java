package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.sun.net.httpserver.HttpServer;
import dev.podsearch.stack.ServiceProcess;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A feed subscribed on the packaged services: its transcripts become searchable with the feed's metadata. */
@ExtendWith(PodsearchSystem.class)
class FeedIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, String> FILES = Map.of(
            "/t/kelp.json",
            """
            {"version": "1.0.0", "segments": [
              {"speaker": "Mira", "startTime": 0, "endTime": 6, "body": "We start at the edge of the forest."},
              {"speaker": "Mira", "startTime": 6, "endTime": 14, "body": "Kelp canopies shade the urchin barrens below."}
            ]}
            """,
            "/t/tide.vtt",
            """
            WEBVTT

            00:00:00.000 --> 00:00:07.000
            <v Oskar>Tide tables were once printed by hand.

            00:00:07.000 --> 00:00:15.000
            <v Oskar>Harmonic analysers predicted the spring tides with brass gears.
            """,
            "/t/lamp.html",
            """
            <cite>Yara:</cite><time>0:00</time><p>The lamp room smells of paraffin.</p>
            <cite>Yara:</cite><time>0:09</time><p>Every wick was trimmed before the evening gun.</p>
            """);

    private static HttpServer server;
    private static ServiceProcess ingest;
    private static ServiceProcess query;

    @BeforeAll
    static void start() throws IOException {
        PodsearchSystem.Running system = PodsearchSystem.get();
        ingest = system.ingest();
        query = system.query();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = path.equals("/feed.xml") ? feed() : FILES.get(path);
            try (exchange) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String feed() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">
                <channel><title>Coastline Radio</title><language>en</language>
                %s%s%s
                <item><guid>coast-%s-4</guid><title>Letters</title><pubDate>Fri, 06 Mar 2026 08:00:00 GMT</pubDate></item>
                </channel></rss>
                """
                .formatted(
                        item(1, "Kelp Forests", "/t/kelp.json", "application/json"),
                        item(2, "Reading the Tides", "/t/tide.vtt", "text/vtt"),
                        item(3, "The Lamp Room", "/t/lamp.html", "text/html"),
                        RUN);
    }

    private static String item(int n, String title, String path, String type) {
        return """
                <item><guid>coast-%s-%d</guid><title>%s</title><pubDate>Fri, 0%d Mar 2026 08:00:00 GMT</pubDate>
                <enclosure url="https://audio.coastline.example/%d.mp3" type="audio/mpeg" length="1"/>
                <podcast:transcript url="%s%s" type="%s"/></item>
                """
                .formatted(RUN, n, title, n, n, base(), path, type);
    }

    @Test
    void everyTranscriptOfASubscribedFeedBecomesSearchableWithTheFeedsMetadata() {
        String id = given().baseUri(ingest.url())
                .contentType("application/json")
                .body(Map.of("url", base() + "/feed.xml"))
                .post("/v1/feeds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().baseUri(ingest.url())
                .post("/v1/feeds/{id}/poll", id)
                .then()
                .statusCode(202)
                .body("polling", equalTo(true));
        JsonPath polled = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().baseUri(ingest.url())
                                .get("/v1/feeds/{id}", id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        feed -> !feed.getBoolean("polling") && feed.getString("lastResult") != null);
        org.junit.jupiter.api.Assertions.assertEquals("UPDATED", polled.getString("lastResult"), polled.prettify());

        List<String> episodes = polled.getList("items.findAll { it.episodeId != null }.episodeId");
        org.junit.jupiter.api.Assertions.assertEquals(3, episodes.size(), polled.prettify());
        for (String episode : episodes) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(ingest.url())
                    .get("/v1/transcripts/{id}", episode)
                    .then()
                    .body("status", equalTo("INDEXED"))
                    .body("steps.indexed", notNullValue()));
        }
        String[][] expected = {
            {"urchin barrens", "Kelp Forests", "https://audio.coastline.example/1.mp3#t=6", "Mira"},
            {"harmonic analysers", "Reading the Tides", "https://audio.coastline.example/2.mp3#t=7", "Oskar"},
            {"evening gun", "The Lamp Room", "https://audio.coastline.example/3.mp3#t=9", "Yara"}
        };
        for (String[] search : expected) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query.url())
                    .queryParam("q", search[0])
                    .queryParam("mode", "keyword")
                    .queryParam("show", "Coastline Radio")
                    .get("/v1/search")
                    .then()
                    .statusCode(200)
                    .body("results[0].episode.title", equalTo(search[1]))
                    .body("results[0].episode.show", equalTo("Coastline Radio"))
                    .body("results[0].moments[0].link", equalTo(search[2]))
                    .body("results[0].moments[0].speaker", equalTo(search[3])));
        }
    }
}
