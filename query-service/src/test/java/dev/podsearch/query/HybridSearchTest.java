package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.Embeddings;
import dev.podsearch.events.TranscriptEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Semantic and hybrid search on real OpenSearch with the real model: moments carry vectors computed here as the embed
 * stage computes them; a paraphrase with no word in common finds its passage; the keyword and k-NN lists are fused;
 * filters apply inside the k-NN search; without vectors the answer is the keyword search's and says so.
 */
@QuarkusTest
class HybridSearchTest extends CorpusTest {

    private static final String SHOW = "Meaning Show";
    private static final String OTHER_SHOW = "Other Meaning Show";
    private static boolean loaded;

    @Inject
    Embeddings embeddings;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void ownEpisodes() throws IOException {
        synchronized (HybridSearchTest.class) {
            if (loaded) {
                return;
            }
            Embedder embedder = VectorCorpus.model(embeddings);
            List<TranscriptEvent> withVectors = List.of(
                    episode(
                            "ep-ballgame",
                            SHOW,
                            "Ninth Inning",
                            "Bottom of the ninth, two outs, and he crushed a walk-off homer into the left field seats.",
                            "The dugout emptied and the whole team mobbed him at home plate."),
                    episode(
                            "ep-bakery-talk",
                            SHOW,
                            "Starter Care",
                            "Feed the levain starter twice a day with flour and water.",
                            "A country loaf needs a long cold proof overnight."),
                    episode(
                            "ep-rye",
                            OTHER_SHOW,
                            "Rye Loaves",
                            "Rye bread with a wild yeast levain takes patience and a hot oven.",
                            "Bakers score the dough before it goes in."),
                    episode(
                            "ep-fab",
                            OTHER_SHOW,
                            "Chip Plants",
                            "The new fab in Arizona makes three nanometer wafers for phones.",
                            "Lithography machines from the Netherlands print the smallest features."));
            VectorCorpus.index(client, json, withVectors, embedder);
            TestCorpus.index(
                    client,
                    List.of(episode(
                            "ep-novectors",
                            SHOW,
                            "Unembedded",
                            "This levain episode was indexed before the embed stage wrote its vectors.")));
            loaded = true;
        }
    }

    private static TranscriptEvent episode(String id, String show, String title, String... lines) {
        return TestCorpus.dialogue(id, show, title, null, "2026-05-01T00:00:00Z", lines);
    }

    private static ValidatableResponse search(String q, String mode, String... more) {
        var request = given().queryParam("q", q).queryParam("mode", mode);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request = request.queryParam(more[i], more[i + 1]);
        }
        return request.when().get("/v1/search").then().statusCode(200);
    }

    @Test
    void aParaphraseWithNoWordInCommonFindsItsPassageByMeaning() {
        // corrected for hubness ((1 + cosine) / 2 - hubness / 4), with the shipped model: the celebration at home plate
        // 0.6525, above the meaning floor (0.649); the walk-off line itself 0.635, under it
        String paraphrase = "a dramatic home run to win the game in the final inning";
        search(paraphrase, "semantic", "show", SHOW)
                .body("mode", equalTo("semantic"))
                .body("results[0].episode.id", equalTo("ep-ballgame"))
                .body("results[0].moments.text", hasItem(containsString("mobbed him at home plate")))
                .body("results[0].moments.matchedBy", everyItem(equalTo("meaning")));
        search(paraphrase, "hybrid", "show", SHOW)
                .body("mode", equalTo("hybrid"))
                .body("results[0].episode.id", equalTo("ep-ballgame"));
        // 0.604 at best: a paraphrase this loose is below the floor, and no moment has enough of its words
        search("a late game-winning hit", "hybrid", "show", SHOW).body("results", hasSize(0));
    }

    @Test
    void hybridFusesTheKeywordAndMeaningListsAndMarksTheWordsWhereTheyAre() {
        search("levain starter", "hybrid", "show", SHOW)
                .body("mode", equalTo("hybrid"))
                .body("results[0].episode.id", equalTo("ep-bakery-talk"))
                .body("results[0].moments[0].highlight", containsString("<mark>levain starter</mark>"))
                .body("results[0].moments[0].matchedBy", equalTo("words"))
                // the keyword list has the episode without vectors; the baseball game is not close enough in meaning
                // to be a hit (nearest neighbours exist for any query: the floor keeps them out)
                .body("results.episode.id", equalTo(List.of("ep-bakery-talk", "ep-novectors")));
        search("levain starter", "keyword", "show", SHOW)
                .body("mode", equalTo("keyword"))
                .body("results.episode.id", not(hasItem("ep-ballgame")));
    }

    @Test
    void filtersApplyInsideTheNearestNeighbourSearch() {
        search("a chip factory in arizona", "semantic", "show", OTHER_SHOW)
                .body("results.episode.show", everyItem(equalTo(OTHER_SHOW)))
                .body("results[0].episode.id", equalTo("ep-fab"));
        search("a chip factory in arizona", "semantic", "show", SHOW)
                .body("results.episode.id", not(hasItem("ep-fab")));
    }

    @Test
    void flatMomentsAreFusedAndPagedToo() {
        // two moments say "levain" (one of an episode with vectors, one without): a page each
        var first = search("levain", "hybrid", "show", SHOW, "group", "moment", "size", "1")
                .body("mode", equalTo("hybrid"))
                .body("results", hasSize(1))
                .body("results[0].moments[0].highlight", containsString("<mark>levain</mark>"))
                .extract();
        String cursor = first.path("nextCursor");
        String firstEpisode = first.path("results[0].episode.id");
        search("levain", "hybrid", "show", SHOW, "group", "moment", "size", "1", "cursor", cursor)
                .body("mode", equalTo("hybrid"))
                .body("results", hasSize(1))
                .body("results[0].episode.id", not(equalTo(firstEpisode)))
                .body("results[0].moments[0].highlight", containsString("<mark>levain</mark>"));
        org.junit.jupiter.api.Assertions.assertTrue(
                List.of("ep-bakery-talk", "ep-novectors").contains(firstEpisode), firstEpisode);
    }

    @Test
    void withoutVectorsTheAnswerIsTheKeywordSearchsAndSaysSo() {
        String why =
                "no episode searched has its meaning vectors yet (the embed stage has not run); searched by keyword";
        search("levain", "hybrid", "episode", "ep-novectors")
                .body("mode", equalTo("keyword"))
                .body("degraded", equalTo(why))
                .body("results.episode.id", equalTo(List.of("ep-novectors")))
                .body("results[0].moments[0].highlight", containsString("<mark>levain</mark>"));
        search("levain", "semantic", "episode", "ep-novectors")
                .body("mode", equalTo("keyword"))
                .body("degraded", equalTo(why));
    }

    @Test
    void similarEpisodesByMeaningWhenTheEpisodeHasAVector() {
        given().when()
                .get("/v1/episodes/{id}/similar", "ep-bakery-talk")
                .then()
                .statusCode(200)
                .body("by", equalTo("meaning"))
                .body("similar[0].id", equalTo("ep-rye"))
                .body("similar.id", not(hasItem("ep-bakery-talk")));
        given().when()
                .get("/v1/episodes/{id}/similar", "ep-novectors")
                .then()
                .statusCode(200)
                .body("by", equalTo("topics"))
                .body("similar.id", not(hasItem("ep-novectors")));
    }

    @Test
    void similarByTopicsIsAskedForAndAnUnknownByIsRefused() {
        given().queryParam("by", "topics")
                .when()
                .get("/v1/episodes/{id}/similar", "ep-bakery-talk")
                .then()
                .statusCode(200)
                .body("by", equalTo("topics"))
                .body("similar.id", not(hasItem("ep-bakery-talk")));
        given().queryParam("by", "anything")
                .when()
                .get("/v1/episodes/{id}/similar", "ep-bakery-talk")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/invalid-parameter"))
                .body("parameter", equalTo("by"))
                .body("detail", equalTo("by 'anything' is not one of meaning, topics"));
    }
}
