package dev.podsearch.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The OpenSearch cluster of {@link ClusterIT}, through one node's address: its health, and the writes the embed stage
 * makes (a moment put back whole with its vector, at its revision as external version), so that a node's recovery
 * replays them.
 */
final class ClusterEngine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Where {@link #call} puts the answer's HTTP status (beside the engine's own fields, such as health's status). */
    static final String HTTP_STATUS = "httpStatus";

    private final String url;

    ClusterEngine(String url) {
        this.url = url;
    }

    JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("Content-Type", "application/json")
                        .method(method, publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        return answer instanceof ObjectNode object ? object.put(HTTP_STATUS, response.statusCode()) : answer;
    }

    /**
     * Puts each moment of the episode back with a vector, as the embed stage does (whole document,
     * {@code version_type=external_gte} at the revision), then once more at an older version, which the engine refuses
     * (409) as it refuses a stale embedding.
     */
    void embed(String episodeId) throws IOException, InterruptedException {
        int dimension = JSON.readTree(Mappings.definition(Mappings.MOMENTS_INDEX))
                .at("/mappings/properties/embedding/dimension")
                .asInt();
        int moments = call("GET", "/" + Indices.EPISODES + "/_doc/" + episodeId, null)
                .at("/_source/moments")
                .asInt();
        assertTrue(moments > 0, "episode " + episodeId + " has no moments");
        for (int ordinal = 0; ordinal < moments; ordinal++) {
            String id = Indices.momentId(episodeId, ordinal);
            JsonNode stored = call("GET", "/" + Indices.MOMENTS + "/_doc/" + id, null);
            assertEquals(true, stored.path("found").asBoolean(), "moment " + id + ": " + stored);
            long revision = stored.path("_version").asLong();
            ObjectNode source = stored.path("_source").deepCopy();
            ArrayNode vector = source.putArray("embedding");
            for (int i = 0; i < dimension; i++) {
                vector.add(i == ordinal % dimension ? 1.0 : 0.0);
            }
            String put = "/" + Indices.MOMENTS + "/_doc/" + id + "?version_type=external_gte&version=";
            assertEquals(
                    200, call("PUT", put + revision, source).path(HTTP_STATUS).asInt(), "embedding of " + id);
            assertEquals(
                    409,
                    call("PUT", put + (revision - 1), source).path(HTTP_STATUS).asInt(),
                    "stale " + id);
        }
    }

    /**
     * Waits until every shard copy is assigned and started again (green), as the cluster does by itself after a node
     * comes back; the failure says which shard is not and why (the engine's allocation explanation).
     */
    void awaitGreen(Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    JsonNode health = call("GET", "/_cluster/health", null);
                    if (!"green".equals(health.path("status").asText())) {
                        JsonNode why = call("GET", "/_cluster/allocation/explain", null);
                        throw new AssertionError(
                                "cluster " + health.path("status").asText() + ", "
                                        + health.path("unassigned_shards").asInt() + " unassigned, "
                                        + health.path("initializing_shards").asInt() + " initializing: "
                                        + why.path("index").asText() + " " + why.path("unassigned_info"));
                    }
                });
    }
}
