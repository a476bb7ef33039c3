package dev.podsearch.index.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Brings an existing index up to its current definition. Its mapping: fields added since it was created are added (its
 * strict mapping would refuse documents that carry them). Its dynamic settings (refresh interval, whether a refresh
 * waits for merges): everything in the definition's {@code settings.index} but the {@link #STATIC} ones; replicas are
 * left as they are (an operator may have changed them). What an existing index cannot take (a field's type or analyzer,
 * a static setting) is logged with what to do, and start-up goes on, so the reindex command stays reachable.
 */
@ApplicationScoped
class IndexUpgrade {

    /** Settings an index takes only when it is created (the shard count is the configuration's, not the definition's). */
    static final List<String> STATIC = List.of("number_of_shards", "knn", "knn.derived_source.enabled");

    private static final String REINDEX = "POST /admin/reindex (port 8082) rebuilds it with the current ones";

    private final EngineCalls engine;
    private final ObjectMapper json;

    IndexUpgrade(EngineCalls engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    void apply(String index, String alias, JsonNode current, String definition) throws IOException {
        JsonNode defined = current.path("settings").path("index");
        JsonNode existing = flatSettings(index);
        JsonNode mappings = current.path("mappings");
        boolean knn = "true".equals(existing.path("index.knn").asText());
        if (defined.path("knn").asBoolean(false) && !knn) {
            mappings = withoutVectors(mappings, index, alias); // says to reindex, for the k-NN settings too
        }
        put(
                index,
                alias,
                definition,
                "_mapping",
                mappings,
                "Documents it refuses are dead-lettered; rebuild it with POST /admin/reindex, then replay the dead"
                        + " letters (POST /admin/dead-letters/replay), both on port 8082");
        ObjectNode settings = defined instanceof ObjectNode object ? object.deepCopy() : json.createObjectNode();
        for (String name : STATIC) {
            JsonNode wanted = settings.remove(name);
            String has = existing.path("index." + name).asText();
            if (wanted != null
                    && (knn || !name.startsWith("knn"))
                    && !wanted.asText().equals(has)) {
                Log.warnf(
                        "index %s (alias %s) has index.%s = %s, the definition %s says %s; it is fixed when an index"
                                + " is created, so it keeps working with the one it has. %s",
                        index, alias, name, has, definition, wanted.asText(), REINDEX);
            }
        }
        if (!settings.isEmpty()) {
            put(
                    index,
                    alias,
                    definition,
                    "_settings",
                    json.createObjectNode().set("index", settings),
                    "It keeps working with the ones it has; " + REINDEX);
        }
    }

    /** The index's settings, defaults included, by full flat name ({@code index.knn}). */
    private JsonNode flatSettings(String index) throws IOException {
        JsonNode answer = engine.call("GET", "/" + index + "/_settings?flat_settings=true&include_defaults=true", null)
                .path(index);
        ObjectNode all =
                answer.path("defaults") instanceof ObjectNode defaults ? defaults.deepCopy() : json.createObjectNode();
        if (answer.path("settings") instanceof ObjectNode set) {
            all.setAll(set);
        }
        return all;
    }

    /**
     * {@code index.knn} is static, and without it the engine refuses a {@code knn_vector} field with a method ("Cannot
     * set modelId or method parameters when index.knn setting is false"): an index made before vectors gets the other
     * new fields, and the log says how to get vectors (the embed stage's writes to it are refused until then).
     */
    private JsonNode withoutVectors(JsonNode mappings, String index, String alias) {
        ObjectNode copy = mappings.deepCopy();
        List<String> vectors = new ArrayList<>();
        copy.path("properties").properties().forEach(field -> {
            if ("knn_vector".equals(field.getValue().path("type").asText())) {
                vectors.add(field.getKey());
            }
        });
        vectors.forEach(((ObjectNode) copy.path("properties"))::remove);
        Log.warnf(
                "index %s (alias %s) was created without index.knn (a static setting), so it cannot take the vector"
                        + " fields %s: keyword search works, semantic search does not find its documents. Rebuild it"
                        + " with POST /admin/reindex (port 8082); the embed stage fills the new index in as episodes"
                        + " are indexed again",
                index, alias, vectors);
        return copy;
    }

    /** PUTs an index's {@code _mapping} or {@code _settings}; a refusal is logged with the engine's answer and what to do. */
    private void put(String index, String alias, String definition, String what, JsonNode body, String toDo)
            throws IOException {
        try (Response response = engine.request("PUT", "/" + index + "/" + what, json.writeValueAsBytes(body))) {
            if (response.getStatus() >= 300) {
                Log.errorf(
                        "index %s (alias %s) cannot take the %s of the current definition %s: %s. %s",
                        index,
                        alias,
                        what.substring(1),
                        definition,
                        response.getBody().map(Body::bodyAsString).orElse("status " + response.getStatus()),
                        toDo);
            }
        }
    }
}
