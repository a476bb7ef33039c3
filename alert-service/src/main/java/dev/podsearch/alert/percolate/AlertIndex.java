package dev.podsearch.alert.percolate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.alert.Alert;
import dev.podsearch.search.Hubness;
import dev.podsearch.search.Mappings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The percolator index {@value #INDEX} (behind the alias {@value #ALIAS}): one document per live alert, its compiled
 * query in the field {@value #QUERY}. Its mapping is the moments index's (analyzers and fields read from search-model's
 * definition, so a moment is analyzed here as it is for the search), without the vector, plus the percolator field and
 * the alert's id and paused flag, and for alerts by meaning a second percolator field, {@value #MEANING_FILTER}. A
 * paused alert's document stays, marked paused (the matcher filters it out); a deleted alert's is removed. The query
 * vectors go to {@link AlertVectors} at the same time.
 */
@ApplicationScoped
public class AlertIndex {

    public static final String INDEX = "alerts-v1";
    public static final String ALIAS = "alerts";
    public static final String QUERY = "query";
    /** The second percolator field: what a moment found by meaning must also match (hybrid alerts only). */
    public static final String MEANING_FILTER = "meaningFilter";

    public static final String ALERT_ID = "alertId";
    public static final String PAUSED = "paused";

    @Inject
    OpenSearchRequests engine;

    @Inject
    ObjectMapper json;

    @Inject
    AlertVectors vectors;

    void onStart(@Observes StartupEvent event) {
        ensure();
    }

    /** Creates the index and its alias unless they exist (every replica runs this at start). */
    public void ensure() {
        vectors.ensure();
        if (engine.exists("/_alias/" + ALIAS)) {
            return;
        }
        ObjectNode definition = json.createObjectNode();
        definition.putObject("aliases").putObject(ALIAS);
        definition.set("settings", settings());
        definition.set("mappings", mappings());
        engine.putIfAbsent("/" + INDEX, definition);
        Log.infof("percolator index %s ready behind alias %s", INDEX, ALIAS);
    }

    /** Writes the alert's percolator document (visible to the matcher when this returns). */
    public void put(Alert alert) {
        ObjectNode document = json.createObjectNode();
        document.put(ALERT_ID, alert.id.toString());
        document.put(PAUSED, alert.paused);
        try {
            document.set(QUERY, json.readTree(alert.compiled));
            if (alert.byMeaning() && alert.meaningFilter != null) {
                document.set(MEANING_FILTER, json.readTree(alert.meaningFilter));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("alert " + alert.id + " has no readable compiled query", e);
        }
        engine.send("PUT", "/" + ALIAS + "/_doc/" + alert.id + "?refresh=wait_for", document);
        vectors.put(alert);
    }

    /** Removes a deleted alert's document (none there is fine). */
    public void remove(Alert alert) {
        engine.deleteIfPresent("/" + ALIAS + "/_doc/" + alert.id + "?refresh=wait_for");
        vectors.remove(alert);
    }

    private JsonNode moments() {
        try {
            return json.readTree(Mappings.definition(Mappings.MOMENTS_INDEX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode settings() {
        ObjectNode settings = json.createObjectNode();
        settings.putObject("index").put("number_of_shards", 1);
        settings.set("analysis", moments().at("/settings/analysis").deepCopy());
        return settings;
    }

    private ObjectNode mappings() {
        ObjectNode mappings = moments().path("mappings").deepCopy();
        ObjectNode properties = (ObjectNode) mappings.path("properties");
        properties.remove("embedding"); // a percolated moment is matched by its words; its vector is not needed here
        properties.putObject(QUERY).put("type", "percolator");
        properties.putObject(MEANING_FILTER).put("type", "percolator");
        properties.putObject(ALERT_ID).put("type", "keyword");
        properties.putObject(PAUSED).put("type", "boolean");
        if (!properties.has(Hubness.FIELD)) {
            properties.putObject(Hubness.FIELD).put("type", "float");
        }
        return mappings;
    }
}
