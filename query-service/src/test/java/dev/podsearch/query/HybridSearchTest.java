package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.Embeddings;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

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
            Embedder embedder = await().atMost(Duration.ofMinutes(2))
                    .until(() -> embeddings.ready() ? embeddings.embedder().orElseThrow() : null, e -> e != null);
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
            index(withVectors, embedder);
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

    /** The events' moments with the vectors of their text, as the embed stage writes them. */
    private void index(List<TranscriptEvent> events, Embedder embedder) throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        for (TranscriptEvent event : events) {
            EpisodeDocuments documents = EpisodeDocuments.of(event, Instant.now());
            List<MomentDocument> moments = documents.moments();
            List<float[]> vectors = embedder.embedPassages(
                    moments.stream().map(MomentDocument::text).toList());
            ObjectNode episode = json.valueToTree(documents.episode());
            var mean = episode.putArray("embedding");
            for (float v : meanOf(vectors)) {
                mean.add(v);
            }
            operations.add(BulkOperation.of(op -> op.index(
                    ix -> ix.index(Indices.EPISODES).id(event.episodeId()).document(episode))));
            for (int i = 0; i < moments.size(); i++) {
                MomentDocument m = moments.get(i);
                ObjectNode source = json.valueToTree(m);
                var vector = source.putArray("embedding");
                for (float v : vectors.get(i)) {
                    vector.add(v);
                }
                operations.add(BulkOperation.of(op -> op.index(ix -> ix.index(Indices.MOMENTS)
                        .id(Indices.momentId(m.episodeId(), m.ordinal()))
                        .document(source))));
            }
        }
        var response = client.bulk(
                b -> b.operations(operations).refresh(org.opensearch.client.opensearch._types.Refresh.True));
        if (response.errors()) {
            throw new IOException("indexing with vectors failed: " + response.items());
        }
    }

    /** The normalized mean of the moments' vectors: an episode's vector, as the embed stage computes it. */
    private static float[] meanOf(List<float[]> vectors) {
        float[] mean = new float[vectors.getFirst().length];
        vectors.forEach(v -> {
            for (int i = 0; i < v.length; i++) {
                mean[i] += v[i];
            }
        });
        double norm = 0;
        for (float v : mean) {
            norm += v * v;
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= (float) Math.sqrt(norm);
        }
        return mean;
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
        search("a late game-winning hit", "semantic", "show", SHOW)
                .body("mode", equalTo("semantic"))
                .body("results[0].episode.id", equalTo("ep-ballgame"))
                .body("results[0].moments[0].startMs", equalTo(0))
                .body("results[0].moments[0].text", containsString("walk-off homer"));
        search("a late game-winning hit", "hybrid", "show", SHOW)
                .body("mode", equalTo("hybrid"))
                .body("results[0].episode.id", equalTo("ep-ballgame"));
    }

    @Test
    void hybridFusesTheKeywordAndMeaningListsAndMarksTheWordsWhereTheyAre() {
        search("levain starter", "hybrid", "show", SHOW)
                .body("mode", equalTo("hybrid"))
                .body("results[0].episode.id", equalTo("ep-bakery-talk"))
                .body("results[0].moments[0].highlight", containsString("<mark>levain starter</mark>"))
                // the keyword list has the episode without vectors, the meaning list the baseball game: both are in
                .body("results.episode.id", hasItem("ep-novectors"))
                .body("results.episode.id", hasItem("ep-ballgame"));
        search("levain starter", "keyword", "show", SHOW)
                .body("mode", equalTo("keyword"))
                .body("results.episode.id", not(hasItem("ep-ballgame")));
    }

    @Test
    void filtersApplyInsideTheNearestNeighbourSearch() {
        search("semiconductor factories", "semantic", "show", OTHER_SHOW)
                .body("results.episode.show", everyItem(equalTo(OTHER_SHOW)))
                .body("results[0].episode.id", equalTo("ep-fab"));
        search("semiconductor factories", "semantic", "show", SHOW).body("results.episode.id", not(hasItem("ep-fab")));
    }

    @Test
    void flatMomentsAreFusedAndPagedToo() {
        String cursor = search("bread baking", "hybrid", "show", SHOW, "group", "moment", "size", "2")
                .body("mode", equalTo("hybrid"))
                .body("results", hasSize(2))
                .body("results[0].episode.id", equalTo("ep-bakery-talk"))
                .extract()
                .path("nextCursor");
        search("bread baking", "hybrid", "show", SHOW, "group", "moment", "size", "2", "cursor", cursor)
                .body("mode", equalTo("hybrid"))
                .body("results.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void withoutVectorsTheAnswerIsTheKeywordSearchsAndSaysSo() {
        search("levain", "hybrid", "episode", "ep-novectors")
                .body("mode", equalTo("keyword"))
                .body("results.episode.id", equalTo(List.of("ep-novectors")))
                .body("results[0].moments[0].highlight", containsString("<mark>levain</mark>"));
        search("levain", "semantic", "episode", "ep-novectors").body("mode", equalTo("keyword"));
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
}
