package dev.podsearch.index.admin;

import dev.podsearch.index.mapping.IndexSetup;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The last step of a reindex: the aliases move to the new indices; or, after a failure, the new indices go. */
final class ReindexAliases {

    private final IndexSetup indices;

    ReindexAliases(IndexSetup indices) {
        this.indices = indices;
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
