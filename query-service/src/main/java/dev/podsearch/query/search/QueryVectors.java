package dev.podsearch.query.search;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.Embeddings;
import dev.podsearch.query.QueryConfig;
import dev.podsearch.query.QueryFacts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The vectors of queries, for semantic and hybrid searches: computed on a small pool of their own (never on the event
 * loop; the model takes 5-10 ms a query) and cached, so a repeated query costs nothing. The model is a dependency that
 * can be missing or slow, and a search never fails for it: while it is disabled, loading or failed to load, when
 * {@code query.embedding-queue} computations already wait, when one takes longer than {@code query.embedding-timeout},
 * or when the model throws, the answer is a {@link QueryVector} without a vector that says why (the search runs by
 * keyword), counted in {@code podsearch_query_embedding_degraded_total} by reason. Such an outcome leaves the cache at
 * once, so the same query later tries again. Caffeine, because its bounded cache with asynchronous loading gives one
 * computation for concurrent requests of the same query, which a map would not. Outcomes are values, not exceptional
 * futures: Caffeine logs every failed load as a warning, which a full queue under load would turn into a flood.
 */
@ApplicationScoped
public class QueryVectors {

    private static final int CACHED_QUERIES = 10_000;
    private static final int THREADS = 2;

    /** A computation's outcome: a vector, or why not. */
    private record Outcome(float[] vector, EmbeddingFallback fallback) {}

    private final Embeddings embeddings;
    private final Duration timeout;
    private final ThreadPoolExecutor pool;
    private final AsyncCache<String, Outcome> cache =
            Caffeine.newBuilder().maximumSize(CACHED_QUERIES).buildAsync();
    private final Map<EmbeddingFallback, Counter> degraded = new EnumMap<>(EmbeddingFallback.class);

    @Inject
    public QueryVectors(Embeddings embeddings, QueryConfig config, MeterRegistry registry) {
        this(embeddings, config.embeddingTimeout(), config.embeddingQueue(), registry);
    }

    QueryVectors(Embeddings embeddings, Duration timeout, int queue, MeterRegistry registry) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("query.embedding-timeout must be positive, was " + timeout);
        }
        if (queue < 0) {
            throw new IllegalArgumentException("query.embedding-queue must be 0 or more, was " + queue);
        }
        this.embeddings = embeddings;
        this.timeout = timeout;
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        this.pool = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                0,
                TimeUnit.MILLISECONDS,
                waiting,
                Thread.ofPlatform().name("query-embedding-", 0).daemon().factory(),
                new ThreadPoolExecutor.AbortPolicy());
        for (EmbeddingFallback fallback : EmbeddingFallback.values()) {
            degraded.put(
                    fallback,
                    Counter.builder(QueryFacts.EMBEDDING_DEGRADED)
                            .description("Searches that had no query vector and ran by keyword, by reason")
                            .tag("reason", fallback.tag())
                            .register(registry));
        }
    }

    /** The query's vector, or why there is none; never completes exceptionally. */
    public CompletableFuture<QueryVector> of(String text) {
        EmbeddingFallback unavailable =
                switch (embeddings.state()) {
                    case DISABLED -> EmbeddingFallback.DISABLED;
                    case LOADING -> EmbeddingFallback.LOADING;
                    case FAILED -> EmbeddingFallback.UNAVAILABLE;
                    case LOADED -> null;
                };
        if (unavailable != null) {
            return CompletableFuture.completedFuture(degrade(unavailable));
        }
        // the models lowercase their input: queries that differ only in case share a vector
        String key = text.strip().toLowerCase(Locale.ROOT);
        CompletableFuture<Outcome> computation;
        try {
            computation = cache.get(key, (query, ignored) -> compute(query));
        } catch (RuntimeException e) {
            Log.warnf(e, "query embedding could not be started: searched by keyword");
            return CompletableFuture.completedFuture(degrade(EmbeddingFallback.ERROR));
        }
        return computation.handle((outcome, failure) -> {
            if (failure == null && outcome.vector() != null) {
                return QueryVector.of(outcome.vector());
            }
            cache.asMap().remove(key, computation); // only this computation: a newer one may have replaced it
            // an Error the model threw (not a RuntimeException or LinkageError) still only degrades this search
            return degrade(failure == null ? outcome.fallback() : EmbeddingFallback.ERROR);
        });
    }

    private CompletableFuture<Outcome> compute(String query) {
        try {
            // a task still queued when its time is up is skipped (the future is complete), so it costs no model call
            return CompletableFuture.supplyAsync(() -> embed(query), pool)
                    .completeOnTimeout(
                            new Outcome(null, EmbeddingFallback.TIMEOUT), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(new Outcome(null, EmbeddingFallback.QUEUE_FULL));
        }
    }

    private Outcome embed(String query) {
        try {
            Embedder embedder = embeddings.embedder().orElseThrow(() -> new IllegalStateException("no model"));
            return new Outcome(embedder.embedQuery(query), null);
        } catch (RuntimeException | LinkageError e) {
            Log.warnf(e, "query embedding failed (query of %d characters): searched by keyword", query.length());
            return new Outcome(null, EmbeddingFallback.ERROR);
        }
    }

    private QueryVector degrade(EmbeddingFallback fallback) {
        degraded.get(fallback).increment();
        return QueryVector.keyword(fallback.sentence(timeout));
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
