package dev.podsearch.alert.percolate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.alert.Alert;
import dev.podsearch.search.Mappings;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The k-NN index {@value #INDEX} (alias {@value #ALIAS}) of the query vectors of alerts that match by meaning: one
 * document per such alert ({@code alertId}, {@code paused}, {@code floor}, {@code vector}), the vector's dimension
 * and space those of the moments' {@code embedding} (read from search-model's definition), so a moment's vector is
 * compared with an alert's as the search compares it with a query's. Kept by {@link AlertIndex} beside the percolator.
 */
@ApplicationScoped
public class AlertVectors {

    public static final String INDEX = "alert-vectors-v1";
    public static final String ALIAS = "alert-vectors";
    public static final String VECTOR = "vector";
    public static final String FLOOR = "floor";

    @Inject
    OpenSearchRequests engine;

    @Inject
    ObjectMapper json;

    private int dimension;

    /** Creates the index unless it exists. */
    void ensure() {
        JsonNode embedding = moments().at("/mappings/properties/embedding");
        dimension = embedding.path("dimension").asInt();
        if (engine.exists("/_alias/" + ALIAS)) {
            return;
        }
        ObjectNode definition = json.createObjectNode();
        definition.putObject("aliases").putObject(ALIAS);
        definition
                .putObject("settings")
                .putObject("index")
                .put("number_of_shards", 1)
                .put("knn", true)
                // the vectors stay in _source: with k-NN derived source (OpenSearch 3.6's default) a replica can fail
                // to recover after a node restart (docs/benchmarks.md, the rolling restart)
                .put("knn.derived_source.enabled", false);
        ObjectNode properties =
                definition.putObject("mappings").put("dynamic", "strict").putObject("properties");
        properties.putObject(AlertIndex.ALERT_ID).put("type", "keyword");
        properties.putObject(AlertIndex.PAUSED).put("type", "boolean");
        properties.putObject(FLOOR).put("type", "double");
        properties.set(VECTOR, embedding.deepCopy());
        engine.putIfAbsent("/" + INDEX, definition);
        Log.infof("alert vector index %s ready behind alias %s (dimension %d)", INDEX, ALIAS, dimension);
    }

    /** Writes the alert's vector if it matches by meaning (with the moments' dimension), else removes it. */
    void put(Alert alert) {
        if (!alert.byMeaning() || alert.vector.length != dimension) {
            if (alert.byMeaning()) {
                Log.warnf(
                        "alert %s: a query vector of %d dimensions, the moments' have %d; it matches by words only",
                        alert.id, alert.vector.length, dimension);
            }
            remove(alert);
            return;
        }
        ObjectNode document = json.createObjectNode();
        document.put(AlertIndex.ALERT_ID, alert.id.toString());
        document.put(AlertIndex.PAUSED, alert.paused);
        document.put(FLOOR, alert.meaningFloor);
        ArrayNode vector = document.putArray(VECTOR);
        for (float v : alert.vector) {
            vector.add(v);
        }
        engine.send("PUT", "/" + ALIAS + "/_doc/" + alert.id + "?refresh=wait_for", document);
    }

    void remove(Alert alert) {
        engine.deleteIfPresent("/" + ALIAS + "/_doc/" + alert.id + "?refresh=wait_for");
    }

    private JsonNode moments() {
        try {
            return json.readTree(Mappings.definition(Mappings.MOMENTS_INDEX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
