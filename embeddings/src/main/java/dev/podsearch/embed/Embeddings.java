package dev.podsearch.embed;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds the service's {@link Embedder}. The model loads in the background from start-up, so start-up is not blocked;
 * {@link #embedder()} waits for that load and is empty when embeddings are disabled or the model could not load (logged
 * once, with what to do), so callers fall back to keyword search.
 */
@ApplicationScoped
public class Embeddings {

    /** Where the model is: what readiness and the query's fallback report. */
    public enum State {
        /** {@code embedding.enabled=false}: no model, by choice. */
        DISABLED,
        /** Enabled, and the background load has not finished (or not started). */
        LOADING,
        /** The model answers. */
        LOADED,
        /** Enabled, but the model could not be loaded (logged once with what to do); it is not retried. */
        FAILED
    }

    private final EmbeddingConfig config;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Optional<Embedder>> loaded = new CompletableFuture<>();

    public Embeddings(EmbeddingConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Starts loading the model in the background (once). */
    public void start() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().name("embedding-model-load").daemon().start(() -> loaded.complete(load()));
        }
    }

    /** The embedder, once loaded; empty when disabled or when the model failed to load. */
    public Optional<Embedder> embedder() {
        start();
        return loaded.join();
    }

    /** True when the model has loaded (never waits). */
    public boolean ready() {
        return state() == State.LOADED;
    }

    /** Where the model is now (never waits). */
    public State state() {
        if (!config.enabled()) {
            return State.DISABLED;
        }
        if (!loaded.isDone()) {
            return State.LOADING;
        }
        return loaded.join().isPresent() ? State.LOADED : State.FAILED;
    }

    private Optional<Embedder> load() {
        if (!config.enabled()) {
            Log.infof("embedding.enabled=false: no embedding model loaded; semantic search falls back to keyword");
            return Optional.empty();
        }
        Path cacheDir = config.resolvedCacheDir();
        try {
            ModelKind kind = ModelKind.fromConfig(config.model());
            long start = System.nanoTime();
            Embedder embedder =
                    OnnxEmbedder.load(kind, cacheDir, config.threads(), config.batchSize(), config.memoryArena());
            Log.infof(
                    "embedding model %s loaded from %s in %d ms (threads=%d, batch-size=%d, memory-arena=%s)",
                    kind.configName(),
                    cacheDir,
                    (System.nanoTime() - start) / 1_000_000,
                    config.threads(),
                    config.batchSize(),
                    config.memoryArena());
            return Optional.of(embedder);
        } catch (RuntimeException | LinkageError e) {
            Log.errorf(
                    e,
                    "embedding model %s could not be loaded from %s: semantic search falls back to keyword. Check that"
                            + " embedding.cache-dir is writable, embedding.model is one of bge-small-en-v15-q,"
                            + " all-minilm-l6-v2-q, and the JVM runs with --enable-native-access=ALL-UNNAMED;"
                            + " or set embedding.enabled=false",
                    config.model(),
                    cacheDir);
            return Optional.empty();
        }
    }

    @PreDestroy
    void close() {
        if (loaded.isDone()) {
            loaded.join().ifPresent(embedder -> ((OnnxEmbedder) embedder).close());
        }
    }
}
