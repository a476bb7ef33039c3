package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.embed.Embeddings;
import dev.podsearch.search.Indices;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;

/**
 * {@code POST /v1/queries/compile}: the query it answers finds, over the moments, exactly the moments {@code /v1/search}
 * lists by keyword for the same q and filters (phrases, exclusions, OR, the word floor, filters); bad input is a 400
 * naming the field as the search names it; hybrid adds the query's vector and the meaning floor.
 */
@QuarkusTest
class CompileResourceTest extends CorpusTest {

    @Inject
    ObjectMapper json;

    @Inject
    Embeddings embeddings;

    @Test
    void compiledQueryFindsExactlyWhatTheKeywordSearchLists() throws Exception {
        List<Map<String, Object>> cases = List.of(
                Map.of("q", "fog"),
                Map.of("q", "fog -ship"),
                Map.of("q", "\"passing ship\""),
                Map.of("q", "sourdough OR keeper"),
                Map.of("q", "fog horn loudest"),
                Map.of("q", "the loudest thing she has"),
                Map.of("q", "fog", "show", List.of("Coastal Hours")),
                Map.of("q", "fog", "speaker", List.of("Baker")),
                Map.of("q", "fog", "lang", "fr"));
        for (Map<String, Object> request : cases) {
            TreeSet<String> searched = searched(request);
            assertFalse(searched.isEmpty(), "the search finds moments of " + request);
            assertEquals(searched, percolated(request), "moments of " + request);
        }
    }

    /**
     * The compiled queries alert-service's tests stand in for this endpoint with (test-support's
     * {@code compile-samples}): this endpoint answers each sample's request with its answer, so those tests match with
     * what this service compiles. Queries of one counted word or a phrase: their answers do not depend on the corpus.
     * {@code -Dpodsearch.write-compile-samples=true} writes the answers instead (after a change to the compiled form).
     */
    @Test
    void answersTheCompileSamplesAsAlertServiceTestsExpect() throws Exception {
        Path samples = Path.of("../test-support/src/main/resources/compile-samples");
        boolean write = Boolean.getBoolean("podsearch.write-compile-samples");
        try (var files = Files.list(samples)) {
            for (Path file : files.sorted().toList()) {
                ObjectNode sample = (ObjectNode) json.readTree(file.toFile());
                String answer = given().contentType(ContentType.JSON)
                        .body(json.writeValueAsString(sample.get("request")))
                        .when()
                        .post("/v1/queries/compile")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                if (write) {
                    sample.set("answer", json.readTree(answer));
                    Files.writeString(
                            file, json.writerWithDefaultPrettyPrinter().writeValueAsString(sample) + "\n");
                } else {
                    assertEquals(
                            sample.get("answer"),
                            json.readTree(answer),
                            file.getFileName().toString());
                }
            }
        }
    }

    @Test
    void answersTheConditionWithFiltersAndExclusions() {
        given().contentType(ContentType.JSON)
                .body(Map.of("q", "fog -ship", "show", List.of("Coastal Hours"), "lang", "en"))
                .when()
                .post("/v1/queries/compile")
                .then()
                .statusCode(200)
                .body("mode", equalTo("keyword"))
                .body("$", not(hasKey("vector")))
                .body("query.bool.filter[0].bool.must_not", hasSize(1))
                .body("query.bool.filter[1].terms.show", equalTo(List.of("Coastal Hours")))
                .body("query.bool.filter[2].terms.language", equalTo(List.of("en")))
                // the meaning list's filter: the same bounds and filters, no word floor
                .body("filter.bool.filter", hasSize(3))
                .body("filter.bool.filter[0].bool.must_not", hasSize(1))
                .body("filter.bool.filter[1].terms.show", equalTo(List.of("Coastal Hours")));
    }

    @Test
    void hybridAddsTheQueryVectorAndTheMeaningFloor() {
        VectorCorpus.model(embeddings);
        given().contentType(ContentType.JSON)
                .body(Map.of("q", "layoffs at chip makers", "mode", "hybrid"))
                .when()
                .post("/v1/queries/compile")
                .then()
                .statusCode(200)
                .body("mode", equalTo("hybrid"))
                .body("meaning", equalTo("layoffs at chip makers"))
                .body("vector", hasSize(384))
                .body("floor", equalTo(0.649f))
                .body("hubnessMinimum", equalTo(0.4f))
                .body("hubnessWeight", equalTo(0.25f));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        problem(Map.of("q", "  "), "q");
        problem(Map.of("q", "- * \""), "q");
        problem(Map.of("q", "fog", "lang", "not a tag"), "lang");
        problem(Map.of("q", "fog", "show", List.of("x".repeat(201))), "show");
        problem(Map.of("q", "fog", "mode", "semantic"), "mode");
    }

    private static void problem(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/queries/compile")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo(field))
                .body("detail", startsWith(field));
    }

    /** The moments (episode id @ start) the keyword search lists, flat. */
    private static TreeSet<String> searched(Map<String, Object> request) {
        var spec = given().queryParam("q", request.get("q"))
                .queryParam("group", "moment")
                .queryParam("mode", "keyword")
                .queryParam("size", 50);
        for (String filter : List.of("show", "speaker", "lang")) {
            Object value = request.get(filter);
            if (value instanceof List<?> values) {
                values.forEach(v -> spec.queryParam(filter, v));
            } else if (value != null) {
                spec.queryParam(filter, value);
            }
        }
        List<Map<String, Object>> results =
                spec.when().get("/v1/search").then().statusCode(200).extract().path("results");
        TreeSet<String> moments = new TreeSet<>();
        for (Map<String, Object> result : results) {
            @SuppressWarnings("unchecked")
            Map<String, Object> episode = (Map<String, Object>) result.get("episode");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> found = (List<Map<String, Object>>) result.get("moments");
            found.forEach(m -> moments.add(episode.get("id") + "@" + m.get("startMs")));
        }
        return moments;
    }

    /** The moments the compiled query matches, searched as a filter over the moments index. */
    private TreeSet<String> percolated(Map<String, Object> request) throws Exception {
        String compiled = given().contentType(ContentType.JSON)
                .body(request)
                .when()
                .post("/v1/queries/compile")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode query = json.readTree(compiled).path("query");
        String body = "{\"size\":100,\"_source\":[\"episodeId\",\"startMs\"],\"query\":{\"bool\":{\"filter\":[" + query
                + "]}}}";
        try (var response = client.generic()
                .execute(Requests.builder()
                        .method("POST")
                        .endpoint("/" + Indices.MOMENTS + "/_search")
                        .body(Body.from(body.getBytes(StandardCharsets.UTF_8), "application/json"))
                        .build())) {
            JsonNode answer =
                    json.readTree(response.getBody().map(Body::bodyAsString).orElseThrow());
            TreeSet<String> moments = new TreeSet<>();
            List<JsonNode> hits = new ArrayList<>();
            answer.path("hits").path("hits").forEach(hits::add);
            assertFalse(answer.path("hits").isMissingNode(), answer.toString());
            hits.forEach(h -> moments.add(h.path("_source").path("episodeId").asText() + "@"
                    + h.path("_source").path("startMs").asLong()));
            return moments;
        }
    }
}
