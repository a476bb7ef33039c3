package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

/**
 * {@link AlertsIT}'s uploads: made-up episodes whose line at {@link #MARKER_MS} is alone in its moment (a minute from
 * the lines around it: moments span at most 30 s), and whose first line says "lanternmoth", the word of AlertsIT's
 * witness alert. Titles never say an alert's word: a title matches (field {@code about}) in every moment.
 */
final class AlertTranscripts {

    static final long MARKER_MS = 60_000;

    private AlertTranscripts() {}

    /** Uploads an episode of {@code show} whose line at one minute is {@code markerLine}; answers its id. */
    static String upload(String show, String title, String markerLine) {
        String text = title + "\n"
                + "Show notes\n"
                + "A short episode made up for the alerts test.\n"
                + "Show transcript\n"
                + "00:00:00: Welcome back, the lanternmoth greets you as always.\n"
                + "00:00:10: We start slowly with a few plain remarks.\n"
                + "00:01:00: " + markerLine + "\n"
                + "00:02:00: That is all for now, goodbye.\n";
        return given().baseUri(PodsearchSystem.get().ingest().url())
                .contentType("text/plain")
                .queryParam("show", show)
                .queryParam("audioUrl", audioUrl(title))
                .body(text)
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .body("revision", equalTo(1))
                .extract()
                .path("id");
    }

    /** The audio URL {@link #upload} gave the episode titled {@code title}. */
    static String audioUrl(String title) {
        return "https://media.example.org/alerts/" + title.replace(' ', '-') + ".mp3";
    }

    static void awaitIndexed(String id, Duration atMost) {
        await().atMost(atMost).untilAsserted(() -> given().baseUri(
                        PodsearchSystem.get().ingest().url())
                .get("/v1/transcripts/{id}", id)
                .then()
                .body("status", equalTo("INDEXED")));
    }
}
