package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.search.Hubness;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The meaning list's query on real OpenSearch, with vectors made by hand (no model): a moment's closeness is corrected
 * by its hubness, the floor applies to the corrected score, a hubness under {@link Hubness#MIN} counts as the minimum,
 * a moment without one counts {@link Hubness#TYPICAL}, and the filter binds.
 */
@QuarkusTest
class MeaningQueryTest {

    private static final String INDEX = "meaning-query-test";
    private static final float[] QUERY = {1, 0, 0};
    private static final double FLOOR = 0.6;

    @Inject
    OpenSearchClient client;

    private static boolean loaded;

    /** A unit vector at {@code cosine} to {@link #QUERY}. */
    private static float[] at(double cosine) {
        return new float[] {(float) cosine, (float) Math.sqrt(1 - cosine * cosine), 0};
    }

    @BeforeEach
    void index() throws IOException {
        synchronized (MeaningQueryTest.class) {
            if (loaded) {
                return;
            }
            create();
            // raw k-NN score (1 + cosine) / 2, corrected: minus max(hubness, MIN) / 4
            put("intro", at(0.8), 0.9, "a"); // 0.900 - 0.225 = 0.675
            put("topic", at(0.7), 0.45, "a"); // 0.850 - 0.1125 = 0.7375
            put("lone", at(0.5), 0.1, "a"); // 0.750 - 0.1 (MIN) = 0.650, not 0.725
            put("older", at(0.6), null, "a"); // 0.800 - TYPICAL / 4 = 0.6425
            put("generic", at(0.5), 0.7, "a"); // 0.750 - 0.175 = 0.575: under the floor
            put("far", at(0.2), 0.4, "a"); // 0.600 - 0.1 = 0.5: outside the radius
            put("filtered", at(0.9), 0.5, "b"); // 0.95 - 0.125 = 0.825, but another show
            client.indices().refresh(r -> r.index(INDEX));
            loaded = true;
        }
    }

    @Test
    void closenessLessHubnessRanksAndTheFloorAppliesToIt() throws IOException {
        Query filter = Query.of(q -> q.term(t -> t.field("show").value(FieldValue.of("a"))));
        List<Hit<Object>> hits = client.search(
                        s -> s.index(INDEX)
                                .query(MeaningQuery.of(QUERY, filter, FLOOR))
                                .minScore(FLOOR)
                                .size(10)
                                .source(c -> c.fetch(false)),
                        Object.class)
                .hits()
                .hits();
        assertEquals(
                List.of("topic", "intro", "lone", "older"),
                hits.stream().map(Hit::id).toList());
        assertEquals(0.7375, hits.get(0).score(), 1e-3);
        assertEquals(0.675, hits.get(1).score(), 1e-3);
        assertEquals(0.650, hits.get(2).score(), 1e-3);
        assertEquals(0.8 - Hubness.TYPICAL / 4, hits.get(3).score(), 1e-3);
    }

    @Test
    void withoutAFilterEveryShowCounts() throws IOException {
        List<String> ids = client
                .search(
                        s -> s.index(INDEX)
                                .query(MeaningQuery.of(QUERY, Query.of(q -> q.matchAll(m -> m)), FLOOR))
                                .minScore(FLOOR)
                                .size(10),
                        Object.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::id)
                .toList();
        assertEquals(List.of("filtered", "topic", "intro", "lone", "older"), ids);
    }

    private void put(String id, float[] vector, Double hubness, String show) throws IOException {
        Map<String, Object> source = new java.util.HashMap<>();
        source.put(MeaningQuery.VECTOR, vector);
        source.put("show", show);
        if (hubness != null) {
            source.put(Hubness.FIELD, hubness);
        }
        client.index(i -> i.index(INDEX).id(id).document(JsonData.of(source)).refresh(Refresh.False));
    }

    private void create() throws IOException {
        try (Response ignored = client.generic()
                .execute(Requests.builder()
                        .method("DELETE")
                        .endpoint("/" + INDEX)
                        .build())) {
            // absent on a first run
        }
        String mapping =
                """
                {"settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0}},
                 "mappings": {"properties": {
                   "%s": {"type": "knn_vector", "dimension": 3,
                          "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}},
                   "%s": {"type": "float"},
                   "show": {"type": "keyword"}}}}
                """
                        .formatted(MeaningQuery.VECTOR, Hubness.FIELD);
        try (Response response = client.generic()
                .execute(Requests.builder()
                        .method("PUT")
                        .endpoint("/" + INDEX)
                        .body(Body.from(mapping.getBytes(StandardCharsets.UTF_8), "application/json"))
                        .build())) {
            if (response.getStatus() >= 300) {
                throw new IOException("creating " + INDEX + ": "
                        + response.getBody().map(Body::bodyAsString).orElse(""));
            }
        }
    }
}
