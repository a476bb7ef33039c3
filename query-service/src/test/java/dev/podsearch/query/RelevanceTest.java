package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What outranks what: the title and the notes over a passing mention, an exact phrase over scattered words. */
@QuarkusTest
class RelevanceTest extends CorpusTest {

    private static boolean loaded;

    @BeforeEach
    void ownEpisodes() throws IOException {
        synchronized (RelevanceTest.class) {
            if (!loaded) {
                TestCorpus.index(
                        client,
                        List.of(
                                episode(
                                        "ep-passing",
                                        "Weekly Roundup",
                                        "Odds and ends.",
                                        "A zeppelin flew over the fair."),
                                episode(
                                        "ep-titled",
                                        "The Zeppelin Age",
                                        "Odds and ends.",
                                        "A zeppelin flew over the fair."),
                                episode(
                                        "ep-noted",
                                        "Flying Machines",
                                        "All about the zeppelin.",
                                        "A zeppelin flew over the fair."),
                                episode(
                                        "ep-scattered",
                                        "Sheds",
                                        null,
                                        "The hangar was empty, and the airship was gone for good."),
                                episode(
                                        "ep-exact",
                                        "Sheds Again",
                                        null,
                                        "We walked into the airship hangar at dawn.")));
                loaded = true;
            }
        }
    }

    private static TranscriptEvent episode(String id, String title, String notes, String line) {
        Episode episode = new Episode(
                "Relevance Show", title, notes, Instant.parse("2026-03-01T00:00:00Z"), null, "en", null, List.of());
        return TranscriptEvent.upsert(id, 1, Instant.now(), episode, List.of(new Segment(0L, 5000L, "Host", line)));
    }

    @Test
    void theTitleAndTheNotesCountMoreThanAPassingMention() {
        given().queryParam("q", "zeppelin")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results", hasSize(3))
                .body("results[2].episode.id", equalTo("ep-passing"))
                .body("results[0..1].episode.id.sort()", equalTo(List.of("ep-noted", "ep-titled")));
    }

    @Test
    void anExactPhraseOutranksTheSameWordsScattered() {
        given().queryParam("q", "airship hangar")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results.episode.id", equalTo(List.of("ep-exact", "ep-scattered")));
    }
}
