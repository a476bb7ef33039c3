package dev.podsearch.index;

import static dev.podsearch.index.EmbedTestSupport.count;
import static dev.podsearch.index.EmbedTestSupport.outcomes;
import static dev.podsearch.index.EmbedTestSupport.stored;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.podsearch.embed.Embeddings;
import dev.podsearch.embed.Vectors;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.index.embed.EmbedConsumer;
import dev.podsearch.search.Hubness;
import dev.podsearch.search.Indices;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.testing.management.ManagementPort;
import dev.podsearch.testing.stack.StackTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.FieldValue;

/** The embed stage as it runs: its own consumer of the indexing outcomes, on real Kafka and OpenSearch. */
@QuarkusTest
class EmbedStageTest extends IndexTestBase {

    @Inject
    Embeddings embeddings;

    @Inject
    EmbedConsumer stage;

    @BeforeEach
    void startStage() {
        stage.start(); // off in the other tests
    }

    @AfterEach
    void stopStage() {
        stage.stop();
    }

    @Test
    void anIndexedEpisodeGetsVectorsAndIsAnnouncedEmbedded() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(
                id,
                1,
                "so we talked about the budget for the new stadium",
                "and then he hit a walk-off homer in the bottom of the ninth",
                "my sourdough starter finally doubled overnight"));

        List<IndexedEvent> outcomes = outcomes(bootstrap, id, o -> count(o, "EMBEDDED") >= 1);

        assertEquals(
                List.of("INDEXED", "EMBEDDED"),
                outcomes.stream().map(IndexedEvent::status).toList());
        assertEquals(1, outcomes.get(1).revision());
        float[][] vectors = new float[3][];
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            EmbedTestSupport.Stored moment = stored(client, Indices.MOMENTS, Indices.momentId(id, ordinal));
            float[] vector = moment.vector();
            assertNotNull(vector);
            assertEquals(384, vector.length);
            assertEquals(1.0, Vectors.dot(vector, vector), 1e-4);
            vectors[ordinal] = vector;
        }
        // each moment carries its hubness: the mean cosine to its ten nearest moments of the episode
        double[] expected = Hubness.of(vectors);
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            var hubness = stored(client, Indices.MOMENTS, Indices.momentId(id, ordinal))
                    .source()
                    .get(Hubness.FIELD);
            assertNotNull(hubness, "moment " + ordinal + " has no hubness");
            assertEquals(expected[ordinal], hubness.asDouble(), 1e-4);
            double others = 8 * Hubness.TYPICAL; // two neighbours, and eight missing ones counted as typical
            for (int j = 0; j < 3; j++) {
                others += j == ordinal ? 0 : Vectors.dot(vectors[ordinal], vectors[j]);
            }
            assertEquals(others / 10, hubness.asDouble(), 1e-4);
        }
        assertNotNull(stored(client, Indices.EPISODES, id).vector());

        // a paraphrase with no word in common finds the moment through its vector
        float[] vector = embeddings.embedder().orElseThrow().embedQuery("a late game-winning hit");
        List<Float> query = new java.util.ArrayList<>();
        for (float value : vector) {
            query.add(value);
        }
        client.indices().refresh(r -> r.index(Indices.MOMENTS));
        var hits = client.search(
                        s -> s.index(Indices.MOMENTS)
                                .size(3)
                                .query(q -> q.knn(k -> k.field("embedding")
                                        .vector(query)
                                        .k(3)
                                        .filter(f ->
                                                f.term(t -> t.field("episodeId").value(FieldValue.of(id)))))),
                        Object.class)
                .hits()
                .hits();
        assertEquals(Indices.momentId(id, 1), hits.getFirst().id());
    }

    @Test
    void theStageReportsItsWorkAsMetrics() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "a line to embed"));
        outcomes(bootstrap, id, o -> count(o, "EMBEDDED") >= 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> ManagementPort.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("podsearch_index_embed_passages_total"))
                .body(containsString("podsearch_index_embed_batch_seconds_count"))
                .body(containsString("podsearch_consumer_lag{consumer=\"embed\"}")));
    }

    @Test
    void anOpenSearchOutageDelaysTheVectorsAndLosesNone() throws Exception {
        stage.stop();
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "indexed before the outage", "embedded after it"));
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(id) == 1);
        RunningStack stack = StackTestResource.current();
        double failures = failures();

        stack.interrupt(LocalStack.Component.OPENSEARCH);
        try {
            stage.start(); // finds the outcome, cannot read the episode: tries again from its last commit
            await().atMost(Duration.ofSeconds(60)).until(() -> failures() > failures);
        } finally {
            stack.resume(LocalStack.Component.OPENSEARCH);
        }

        // OpenSearch takes a while to come back (70 s seen), then the next retry (backoff at most 5 s in tests)
        List<IndexedEvent> outcomes = outcomes(bootstrap, id, o -> count(o, "EMBEDDED") >= 1, Duration.ofSeconds(120));
        assertEquals(1, count(outcomes, "EMBEDDED"));
        assertNotNull(stored(client, Indices.MOMENTS, Indices.momentId(id, 0)).vector());
        assertNotNull(stored(client, Indices.MOMENTS, Indices.momentId(id, 1)).vector());
        assertNotNull(stored(client, Indices.EPISODES, id).vector());
    }

    private double failures() {
        String metrics =
                ManagementPort.given().get("/q/metrics").then().extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("podsearch_consumer_failures_total{consumer=\"embed\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
