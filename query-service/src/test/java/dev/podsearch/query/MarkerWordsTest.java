package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.Embeddings;
import dev.podsearch.events.TranscriptEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Near-identical episodes that differ in one marker word, each a spelling neighbour of others: the default mode finds
 * each marker's episode first, never a neighbour's that is alike in meaning. And a word only an episode's older
 * revision said finds nothing once the newer revision replaced it, in any mode.
 */
@QuarkusTest
class MarkerWordsTest extends CorpusTest {

    private static final String SHOW = "Marker Show";
    private static final int EPISODES = 150;
    private static boolean loaded;

    @Inject
    Embeddings embeddings;

    @Inject
    ObjectMapper json;

    /** 150 made-up words, in families of five one edit apart ("velorin", "velorim", "veloran", ...). */
    static List<String> markers() {
        String[] stems = {
            "velor", "quastr", "brimol", "tandev", "morlik", "senqu", "palvor", "drumek", "kosval", "fendra", "glimor",
            "harnet", "jubrel", "lustav", "nortig", "prevak", "rondul", "sabrek", "tovlin", "umbrak", "vastol",
                    "wendik",
            "yarbol", "zentor", "cardum", "felbor", "gostin", "himlek", "jorvat", "kelpun"
        };
        String[] endings = {"in", "im", "an", "un", "on"};
        List<String> markers = new ArrayList<>();
        for (String stem : stems) {
            for (String ending : endings) {
                markers.add(stem + ending);
            }
        }
        return markers.subList(0, EPISODES);
    }

    @BeforeEach
    void ownEpisodes() throws IOException {
        synchronized (MarkerWordsTest.class) {
            if (loaded) {
                return;
            }
            Embedder embedder = VectorCorpus.model(embeddings);
            List<TranscriptEvent> events = new ArrayList<>();
            List<String> markers = markers();
            for (int i = 0; i < markers.size(); i++) {
                events.add(TestCorpus.dialogue(
                        "ep-marker-" + i,
                        SHOW,
                        "Weekly Update " + i,
                        null,
                        "2026-02-01T00:00:00Z",
                        "This week the team shipped the " + markers.get(i)
                                + " release and talked about what comes next for the project."));
            }
            events.add(TestCorpus.dialogue(
                    "ep-revised",
                    SHOW,
                    "Revised",
                    null,
                    "2026-02-02T00:00:00Z",
                    "We flew to zanzibarque for the spice market and the old stone town."));
            VectorCorpus.index(client, json, events, embedder);
            // the newer revision no longer says it
            VectorCorpus.index(
                    client,
                    json,
                    List.of(TestCorpus.dialogue(
                            "ep-revised",
                            SHOW,
                            "Revised",
                            null,
                            "2026-02-02T00:00:00Z",
                            "We flew to the coast for the fish market and the old harbour.")),
                    embedder);
            loaded = true;
        }
    }

    @Test
    void eachMarkerFindsItsOwnEpisodeFirstInTheDefaultMode() {
        List<String> markers = markers();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            List<String> ids = given().queryParam("q", markers.get(i))
                    .queryParam("show", SHOW)
                    .queryParam("mode", "hybrid")
                    .when()
                    .get("/v1/search")
                    .then()
                    .statusCode(200)
                    .body("mode", equalTo("hybrid"))
                    .extract()
                    .path("results.episode.id");
            if (ids.isEmpty() || !ids.getFirst().equals("ep-marker-" + i)) {
                missed.add(markers.get(i) + " -> " + ids.subList(0, Math.min(3, ids.size())));
            }
        }
        assertTrue(missed.isEmpty(), "markers whose episode was not first: " + missed);
        given().queryParam("q", markers.getFirst())
                .queryParam("show", SHOW)
                .queryParam("mode", "hybrid")
                .when()
                .get("/v1/search")
                .then()
                .body("results[0].moments[0].matchedBy", equalTo("words"));
    }

    @Test
    void aWordOnlyTheOlderRevisionSaidFindsNothing() {
        for (String mode : List.of("keyword", "semantic", "hybrid")) {
            given().queryParam("q", "zanzibarque")
                    .queryParam("mode", mode)
                    .when()
                    .get("/v1/search")
                    .then()
                    .statusCode(200)
                    .body("results", empty());
        }
        assertEquals(
                "ep-revised",
                given().queryParam("q", "harbour fish market")
                        .queryParam("show", SHOW)
                        .queryParam("mode", "hybrid")
                        .when()
                        .get("/v1/search")
                        .then()
                        .extract()
                        .path("results[0].episode.id"));
    }
}
