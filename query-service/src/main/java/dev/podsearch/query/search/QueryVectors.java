package dev.podsearch.query.search;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.podsearch.embed.Embeddings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The vectors of queries, for semantic and hybrid searches: computed on a small pool of their own (never on the event
 * loop; the model takes 5-10 ms a query) and cached, so a repeated query costs nothing. Null while the model is not
 * (or cannot be) loaded: the search then runs by keyword and says so. Caffeine, because its bounded cache with
 * asynchronous loading gives one computation for concurrent requests of the same query, which a map would not.
 */
@ApplicationScoped
public class QueryVectors {

    private static final int CACHED_QUERIES = 10_000;

    @Inject
    Embeddings embeddings;

    private final ExecutorService pool = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("query-embedding-", 0).daemon().factory());

    private final AsyncCache<String, float[]> cache =
            Caffeine.newBuilder().maximumSize(CACHED_QUERIES).executor(pool).buildAsync();

    /** The query's vector; null when there is no model (disabled, still loading, or failed to load). */
    public CompletableFuture<float[]> of(String text) {
        if (!embeddings.ready()) {
            return CompletableFuture.completedFuture(null);
        }
        // the models lowercase their input: queries that differ only in case share a vector
        String key = text.strip().toLowerCase(Locale.ROOT);
        return cache.get(
                key,
                (query, executor) -> CompletableFuture.supplyAsync(
                        () -> embeddings
                                .embedder()
                                .map(e -> e.embedQuery(query))
                                .orElse(null),
                        executor));
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
