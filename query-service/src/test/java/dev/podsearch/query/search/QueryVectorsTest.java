package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.embed.Embeddings.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Query vectors with a fake model: cached once computed; a slow model, a full queue, a failing model or a model not
 * loaded give a search by keyword with a sentence saying why, counted by reason, and never an exceptional future; a
 * failed or timed-out query is computed again next time.
 */
class QueryVectorsTest {

    private static final float[] VECTOR = {0.6f, 0.8f, 0};

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private QueryVectors vectors;

    @AfterEach
    void stop() {
        release.countDown();
        if (vectors != null) {
            vectors.close();
        }
    }

    private QueryVectors vectors(FakeEmbeddings embeddings, Duration timeout, int queue) {
        vectors = new QueryVectors(embeddings, timeout, queue, registry);
        return vectors;
    }

    /** A model that answers {@link #VECTOR} once the test releases it. */
    private Function<String, float[]> blocked() {
        return text -> {
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS), "the test never released the model");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return VECTOR;
        };
    }

    private static QueryVector answer(CompletableFuture<QueryVector> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join(); // join throws if it ever completed exceptionally
    }

    private double degraded(String reason) {
        return registry.get("podsearch.query.embedding.degraded")
                .tag("reason", reason)
                .counter()
                .count();
    }

    @Test
    void aVectorIsComputedOnceAndServedFromTheCacheForTheSameQueryInAnyCase() {
        FakeEmbeddings model = new FakeEmbeddings(State.LOADED, text -> VECTOR);
        QueryVectors vectors = vectors(model, Duration.ofSeconds(2), 32);

        QueryVector first = answer(vectors.of("Walk-off homer"));
        QueryVector again = answer(vectors.of("  walk-off HOMER "));

        assertArrayEquals(VECTOR, first.vector());
        assertNull(first.degraded());
        assertArrayEquals(VECTOR, again.vector());
        assertEquals(1, model.calls());
        assertEquals(
                0,
                registry.get("podsearch.query.embedding.degraded").counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum());
    }

    @Test
    void concurrentRequestsOfOneQueryShareOneComputation() {
        FakeEmbeddings model = new FakeEmbeddings(State.LOADED, blocked());
        QueryVectors vectors = vectors(model, Duration.ofSeconds(10), 32);

        CompletableFuture<QueryVector> one = vectors.of("levain");
        CompletableFuture<QueryVector> two = vectors.of("levain");
        release.countDown();

        assertArrayEquals(VECTOR, answer(one).vector());
        assertArrayEquals(VECTOR, answer(two).vector());
        assertEquals(1, model.calls());
    }

    @Test
    void aSlowModelTimesOutToKeywordAndTheSameQueryIsComputedAgainLater() {
        FakeEmbeddings model = new FakeEmbeddings(State.LOADED, blocked());
        QueryVectors vectors = vectors(model, Duration.ofMillis(100), 32);

        QueryVector slow = answer(vectors.of("sourdough starter"));

        assertNull(slow.vector());
        assertEquals("the meaning model did not answer within 100 ms; searched by keyword", slow.degraded());
        assertEquals(1, degraded("timeout"));

        release.countDown();
        QueryVector later = answer(vectors.of("sourdough starter"));
        assertArrayEquals(VECTOR, later.vector());
        assertEquals(2, model.calls());
    }

    @Test
    void beyondTheQueueASearchRunsByKeywordAtOnce() {
        FakeEmbeddings model = new FakeEmbeddings(State.LOADED, blocked());
        QueryVectors vectors = vectors(model, Duration.ofSeconds(10), 1);

        CompletableFuture<QueryVector> running1 = vectors.of("one"); // the pool's two threads
        CompletableFuture<QueryVector> running2 = vectors.of("two");
        CompletableFuture<QueryVector> queued = vectors.of("three"); // the queue's one place
        CompletableFuture<QueryVector> refused = vectors.of("four");

        assertTrue(refused.isDone(), "a refused query waits for nothing");
        assertEquals(
                "too many searches waiting for the meaning model; searched by keyword",
                answer(refused).degraded());
        assertEquals(1, degraded("queue_full"));
        assertFalse(queued.isDone());

        release.countDown();
        for (CompletableFuture<QueryVector> computed : java.util.List.of(running1, running2, queued)) {
            assertArrayEquals(VECTOR, answer(computed).vector());
        }
        assertArrayEquals(VECTOR, answer(vectors.of("four")).vector(), "a refused query is not remembered as refused");
        assertEquals(4, model.calls());
    }

    @Test
    void aFailingModelGivesKeywordAndTheNextTryComputesAgain() {
        AtomicInteger tries = new AtomicInteger();
        FakeEmbeddings model = new FakeEmbeddings(State.LOADED, text -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("ONNX inference failed");
            }
            return VECTOR;
        });
        QueryVectors vectors = vectors(model, Duration.ofSeconds(2), 32);

        QueryVector failed = answer(vectors.of("chip fab"));

        assertNull(failed.vector());
        assertEquals("the meaning model failed on this query; searched by keyword", failed.degraded());
        assertEquals(1, degraded("error"));
        assertArrayEquals(VECTOR, answer(vectors.of("chip fab")).vector());
        assertEquals(2, model.calls());
    }

    @Test
    void withoutALoadedModelEachSearchSaysWhyAndTheModelIsNotAsked() {
        FakeEmbeddings model = new FakeEmbeddings(State.LOADING, text -> VECTOR);
        QueryVectors vectors = vectors(model, Duration.ofSeconds(2), 32);

        assertEquals(
                "the meaning model is still loading; searched by keyword",
                answer(vectors.of("q")).degraded());
        model.state(State.DISABLED);
        assertEquals(
                "semantic search is disabled (embedding.enabled=false); searched by keyword",
                answer(vectors.of("q")).degraded());
        model.state(State.FAILED);
        assertEquals(
                "the meaning model could not be loaded; searched by keyword",
                answer(vectors.of("q")).degraded());

        assertEquals(0, model.calls());
        assertEquals(1, degraded("loading"));
        assertEquals(1, degraded("disabled"));
        assertEquals(1, degraded("unavailable"));
        model.state(State.LOADED);
        assertArrayEquals(VECTOR, answer(vectors.of("q")).vector(), "once loaded, the model answers");
    }
}
