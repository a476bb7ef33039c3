package dev.podsearch.index.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.index.mapping.IndexSetup;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Response;

/** The last step of a reindex: the aliases move to the new indices; or, after a failure, the new indices go. */
final class ReindexAliases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IndexSetup indices;

    ReindexAliases(IndexSetup indices) {
        this.indices = indices;
    }

    /**
     * Removes a {@code <alias>-next} alias a reindex left behind when its instance died (the lease then expired and
     * this instance took it over): every replica would go on writing to that index. Holding the lease, no other
     * reindex runs, so any such alias is stale. Its index is kept for an operator to look at and delete.
     */
    void dropStale(String alias) throws IOException {
        List<String> stale = new ArrayList<>();
        try (Response response = indices.request("GET", "/_alias/" + alias + "-next", null)) {
            if (response.getStatus() == 404) {
                return;
            }
            String answer = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() >= 300) {
                throw new IOException(
                        "reading alias " + alias + "-next answered " + response.getStatus() + ": " + answer);
            }
            JSON.readTree(answer).fieldNames().forEachRemaining(stale::add);
        }
        for (String index : stale) {
            indices.call("DELETE", "/" + index + "/_alias/" + alias + "-next", null);
            Log.warnf(
                    "reindex: removed the alias %s-next from %s, left by a reindex that did not finish; delete %s"
                            + " when no longer wanted",
                    alias, index, index);
        }
    }

    /** Moves every alias to its new index and drops the {@code -next} aliases, in one atomic request. */
    void swap(List<Reindexer.Copy> copies) throws IOException {
        List<Object> actions = new ArrayList<>();
        for (Reindexer.Copy copy : copies) {
            actions.add(Map.of("remove", Map.of("index", copy.from(), "alias", copy.alias())));
            actions.add(Map.of("add", Map.of("index", copy.to(), "alias", copy.alias(), "is_write_index", true)));
            actions.add(Map.of("remove", Map.of("index", copy.to(), "alias", copy.alias() + "-next")));
        }
        indices.call("POST", "/_aliases", Map.of("actions", actions));
    }

    /**
     * After a failure: the new indices go, the old ones stay as they were. The {@code -next} aliases go first, and the
     * indices only once every replica has stopped writing to them (they read the aliases at most once a second), so
     * no late write recreates a deleted index.
     */
    void discard(List<Reindexer.Copy> copies) {
        for (Reindexer.Copy copy : copies) {
            try {
                indices.call("DELETE", "/" + copy.to() + "/_alias/" + copy.alias() + "-next", null);
            } catch (IOException e) {
                Log.warnf("reindex clean-up: cannot remove alias %s-next: %s", copy.alias(), e.getMessage());
            }
        }
        try {
            Thread.sleep(3 * IndexSetup.TARGETS_TTL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Reindexer.Copy copy : copies) {
            try {
                indices.call("DELETE", "/" + copy.to(), null);
            } catch (IOException e) {
                Log.warnf("reindex clean-up: cannot delete %s: %s", copy.to(), e.getMessage());
            }
        }
    }
}
