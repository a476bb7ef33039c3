package dev.podsearch.index.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.search.Mappings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Indices made by an earlier version of the definitions, on real OpenSearch: a field added since is added to them at
 * start (their strict mapping would refuse every document carrying it); a change they cannot take leaves them as they
 * are and start-up goes on.
 */
@QuarkusTest
class IndexSetupTest {

    @Inject
    IndexSetup setup;

    @Inject
    ObjectMapper json;

    /** An index made from the moments definition as an earlier version had it ({@code change} to the body). */
    private void olderIndex(String index, String alias, Consumer<ObjectNode> change) throws Exception {
        ObjectNode body = (ObjectNode) json.readTree(Mappings.definition(Mappings.MOMENTS_INDEX));
        change.accept(body);
        body.withObject("/aliases").putObject(alias).put("is_write_index", true);
        setup.call("PUT", "/" + index, body);
    }

    /** The same, with the mapping of one field removed or changed. */
    private void olderMapping(String index, String alias, String field, Map<String, Object> instead) throws Exception {
        olderIndex(index, alias, body -> {
            ObjectNode properties = body.withObject("/mappings").withObject("/properties");
            properties.remove(field);
            if (instead != null) {
                properties.set(field, json.valueToTree(instead));
            }
        });
    }

    private JsonNode field(String index, String field) throws Exception {
        return setup.call("GET", "/" + index + "/_mapping", null)
                .path(index)
                .path("mappings")
                .path("properties")
                .path(field);
    }

    @Test
    void aFieldAddedSinceTheIndexWasMadeIsAddedAtStart() throws Exception {
        olderMapping("upgrade-added-v1", "upgrade-added", "firstLine", null);
        assertTrue(field("upgrade-added-v1", "firstLine").isMissingNode());

        setup.ensure("upgrade-added", "upgrade-added-v1", Mappings.MOMENTS_INDEX);

        assertEquals(
                "integer", field("upgrade-added-v1", "firstLine").path("type").asText());
        // and a document carrying it is taken
        setup.call("PUT", "/upgrade-added/_doc/e:0?refresh=true", Map.of("episodeId", "e", "firstLine", 3));
        assertEquals(
                1,
                setup.call("GET", "/upgrade-added/_count", null).path("count").asInt());
    }

    @Test
    void settingsChangedSinceTheIndexWasMadeAreAppliedAtStart() throws Exception {
        olderIndex("upgrade-settings-v1", "upgrade-settings", body -> {
            ObjectNode settings = body.withObject("/settings").withObject("/index");
            settings.put("refresh_interval", "5s");
            settings.remove("merge_on_flush");
            settings.remove("merge");
        });
        assertEquals("5s", setting("upgrade-settings-v1", "refresh_interval"));

        setup.ensure("upgrade-settings", "upgrade-settings-v1", Mappings.MOMENTS_INDEX);

        JsonNode definition =
                json.readTree(Mappings.definition(Mappings.MOMENTS_INDEX)).at("/settings/index");
        assertEquals(definition.path("refresh_interval").asText(), setting("upgrade-settings-v1", "refresh_interval"));
        assertEquals("false", setting("upgrade-settings-v1", "merge_on_flush.enabled"));
        assertEquals(
                definition.at("/merge/policy/segments_per_tier").asText(),
                setting("upgrade-settings-v1", "merge.policy.segments_per_tier"));
    }

    /** One index setting as the engine reports it ({@code index.} omitted from the name). */
    private String setting(String index, String name) throws Exception {
        return setup.call("GET", "/" + index + "/_settings?flat_settings=true", null)
                .path(index)
                .path("settings")
                .path("index." + name)
                .asText();
    }

    @Test
    void aChangeTheIndexCannotTakeLeavesItAsItIs() throws Exception {
        olderMapping("upgrade-changed-v1", "upgrade-changed", "firstLine", Map.of("type", "keyword"));

        setup.ensure("upgrade-changed", "upgrade-changed-v1", Mappings.MOMENTS_INDEX); // logs what to do, no throw

        assertEquals(
                "keyword", field("upgrade-changed-v1", "firstLine").path("type").asText());
        assertFalse(field("upgrade-changed-v1", "startMs").isMissingNode());
    }

    /**
     * An index made before vectors (no {@code index.knn}, which is static) cannot take a {@code knn_vector} field with
     * a method (verified on the engine): it gets the other new fields, and the log says to reindex.
     */
    @Test
    void anIndexMadeBeforeVectorsGetsTheOtherNewFields() throws Exception {
        olderIndex("upgrade-knn-v1", "upgrade-knn", body -> {
            body.withObject("/settings").withObject("/index").remove(List.of("knn", "knn.derived_source.enabled"));
            body.withObject("/mappings").withObject("/properties").remove("embedding");
            body.withObject("/mappings").withObject("/properties").remove("firstLine");
        });

        setup.ensure("upgrade-knn", "upgrade-knn-v1", Mappings.MOMENTS_INDEX);

        assertEquals(
                "integer", field("upgrade-knn-v1", "firstLine").path("type").asText());
        assertTrue(field("upgrade-knn-v1", "embedding").isMissingNode());
    }

    @Test
    void aNewIndexTakesVectorsAndFindsThemByKnn() throws Exception {
        setup.create("knn-new-v1", Mappings.MOMENTS_INDEX, "knn-new");
        float[] vector = new float[384];
        vector[0] = 1;
        setup.call("PUT", "/knn-new/_doc/e:0?refresh=true", Map.of("episodeId", "e", "embedding", vector));

        JsonNode hits = setup.call(
                        "POST",
                        "/knn-new/_search",
                        Map.of("query", Map.of("knn", Map.of("embedding", Map.of("vector", vector, "k", 1)))))
                .path("hits")
                .path("hits");

        assertEquals("e:0", hits.path(0).path("_id").asText());
        assertEquals(1.0, hits.path(0).path("_score").asDouble(), 1e-3);
        assertEquals(
                "lucene",
                field("knn-new-v1", "embedding").path("method").path("engine").asText());
    }

    /**
     * The moments index keeps its vectors in {@code _source}: with k-NN derived source (OpenSearch 3.6's default for a
     * k-NN index) a replica could not be rebuilt after a node restart (ClusterIT restarts one and waits for green).
     */
    @Test
    void aNewMomentsIndexKeepsItsVectorsInSource() throws Exception {
        setup.create("derived-new-v1", Mappings.MOMENTS_INDEX, "derived-new");

        assertEquals("false", settingOrDefault("derived-new-v1", "knn.derived_source.enabled"));
    }

    /**
     * An index made with derived source (before the definition turned it off) cannot lose it (a static setting): it
     * keeps it, and its dynamic settings are still brought up to date (the static one is not sent with them).
     */
    @Test
    void anIndexWithDerivedSourceKeepsItAndTakesTheOtherSettings() throws Exception {
        olderIndex("upgrade-derived-v1", "upgrade-derived", body -> {
            ObjectNode settings = body.withObject("/settings").withObject("/index");
            settings.remove("knn.derived_source.enabled");
            settings.put("refresh_interval", "5s");
        });
        assertEquals("true", settingOrDefault("upgrade-derived-v1", "knn.derived_source.enabled"));

        setup.ensure("upgrade-derived", "upgrade-derived-v1", Mappings.MOMENTS_INDEX); // logs: reindex to turn it off

        assertEquals("true", settingOrDefault("upgrade-derived-v1", "knn.derived_source.enabled"));
        assertEquals(
                json.readTree(Mappings.definition(Mappings.MOMENTS_INDEX))
                        .at("/settings/index/refresh_interval")
                        .asText(),
                setting("upgrade-derived-v1", "refresh_interval"));
    }

    /** One index setting as the engine applies it, its default if the index does not set it. */
    private String settingOrDefault(String index, String name) throws Exception {
        JsonNode answer = setup.call("GET", "/" + index + "/_settings?flat_settings=true&include_defaults=true", null)
                .path(index);
        JsonNode set = answer.path("settings").path("index." + name);
        return set.isMissingNode()
                ? answer.path("defaults").path("index." + name).asText()
                : set.asText();
    }
}
