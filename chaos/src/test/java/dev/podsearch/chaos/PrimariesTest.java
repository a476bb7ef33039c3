package dev.podsearch.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimariesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code GET _cat/shards?format=json} as OpenSearch 3 answers it (fields trimmed to those it has). */
    private static JsonNode shards(String... rows) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (String row : rows) {
            String[] f = row.split(" ");
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(String.format(
                    "{\"index\":\"%s\",\"shard\":\"%s\",\"prirep\":\"%s\",\"state\":\"%s\",\"docs\":\"12\","
                            + "\"store\":\"20.1kb\",\"ip\":%s,\"node\":%s}",
                    f[0],
                    f[1],
                    f[2],
                    f[3],
                    f.length > 4 ? "\"127.0.0.1\"" : "null",
                    f.length > 4 ? "\"" + f[4] + "\"" : "null"));
        }
        return JSON.readTree(json.append(']').toString());
    }

    private static final String[] CLUSTER = {
        "moments-v1 0 p STARTED opensearch-2",
        "moments-v1 0 r STARTED opensearch-1",
        "episodes-v1 0 r STARTED opensearch-3",
        "episodes-v1 0 p STARTED opensearch-2",
        "api-keys 0 p STARTED opensearch-1",
        "api-keys 0 r STARTED opensearch-3",
        ".opensearch-observability 0 p STARTED opensearch-3"
    };

    @Test
    void theHolderIsTheNodeWithTheMostPrimariesOfMomentsAndEpisodes() throws Exception {
        JsonNode shards = shards(CLUSTER);
        assertEquals(Map.of("opensearch-2", 2), Primaries.byNode(shards), "other indices do not count");
        assertEquals("opensearch-2", Primaries.holder(shards));
        assertEquals(1, Primaries.nodeNumber(Primaries.holder(shards)));
    }

    @Test
    void ofNodesHoldingAsManyTheFirstByNameAndOnlyStartedPrimariesCount() throws Exception {
        JsonNode shards = shards(
                "moments-v1 0 p STARTED opensearch-3",
                "episodes-v1 0 p STARTED opensearch-2",
                "moments-v1 1 p INITIALIZING opensearch-1");
        assertEquals("opensearch-2", Primaries.holder(shards));
        assertThrows(IllegalStateException.class, () -> Primaries.holder(shards("api-keys 0 p STARTED opensearch-1")));
    }

    @Test
    void aReplicaWasPromotedOnceEveryShardHasAStartedPrimaryOnAnotherNode() throws Exception {
        assertFalse(Primaries.promotedAwayFrom(shards(CLUSTER), "opensearch-2"), "still on the killed node");
        JsonNode justKilled = shards(
                "moments-v1 0 p UNASSIGNED",
                "moments-v1 0 r STARTED opensearch-1",
                "episodes-v1 0 p STARTED opensearch-3",
                "episodes-v1 0 r UNASSIGNED");
        assertFalse(Primaries.promotedAwayFrom(justKilled, "opensearch-2"), "moments has no primary yet");
        JsonNode promoted = shards(
                "moments-v1 0 p STARTED opensearch-1",
                "moments-v1 0 r UNASSIGNED",
                "episodes-v1 0 p STARTED opensearch-3",
                "episodes-v1 0 r INITIALIZING opensearch-1");
        assertTrue(Primaries.promotedAwayFrom(promoted, "opensearch-2"));
        assertFalse(
                Primaries.promotedAwayFrom(shards("api-keys 0 p STARTED opensearch-1"), "opensearch-2"),
                "no search index at all is not a promotion");
    }
}
