package dev.podsearch.query.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/** The vectors of queries, for semantic and hybrid searches; null where no model is available. */
@ApplicationScoped
public class QueryVectors {

    /** The query's vector, computed off the event loop (and cached); null when there is no model. */
    public CompletableFuture<float[]> of(String text) {
        return CompletableFuture.completedFuture(null);
    }
}
