package dev.podsearch.index.lease;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;

/** Creates the small index the leases live in, once, idempotently (every replica may try at the same time). */
final class LeaseIndex {

    private static volatile boolean created;

    private LeaseIndex() {}

    static void ensure(OpenSearchClient client, int replicas) {
        if (created) {
            return;
        }
        try {
            if (!client.indices().exists(e -> e.index(ClusterLease.INDEX)).value()) {
                client.indices().create(c -> c.index(ClusterLease.INDEX)
                        .settings(s -> s.numberOfShards(1).numberOfReplicas(replicas)));
            }
            created = true;
        } catch (OpenSearchException | IOException e) {
            // another replica created it in between: the typed client or its transport reports that, by version
            if (!String.valueOf(e.getMessage()).contains("resource_already_exists_exception")) {
                throw e instanceof IOException io ? new UncheckedIOException(io) : (OpenSearchException) e;
            }
            created = true;
        }
    }
}
