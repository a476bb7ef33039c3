package dev.podsearch.embed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** The in-process embedding model: {@code embedding.*}. */
@ConfigMapping(prefix = "embedding")
public interface EmbeddingConfig {

    /** Off: no model is loaded and callers fall back to keyword search. */
    @WithDefault("true")
    boolean enabled();

    /** {@code bge-small-en-v15-q} or {@code all-minilm-l6-v2-q}. */
    @WithDefault("bge-small-en-v15-q")
    String model();

    /** ONNX Runtime intra-op threads (its default is one per core, which competes with the JVM and the engine). */
    @WithDefault("1")
    int threads();

    /**
     * Passages encoded in one model call. Measured (docs/benchmarks.md): 8 gains a little over 1 with bge and nothing beyond; the
     * quantized models scale activations per batch, so a batched vector is within ~0.99 cosine of the unbatched one.
     */
    @WithDefault("8")
    int batchSize();

    /**
     * ONNX Runtime's memory arena and per-shape buffer plans: on for throughput (the embed stage); query-service turns
     * them off, which keeps its resident memory lower for a few percent of a query's embedding time.
     */
    @WithDefault("true")
    boolean memoryArena();

    /** Where the model files are extracted to; default {@code ${java.io.tmpdir}/podsearch-models}. */
    Optional<Path> cacheDir();

    default Path resolvedCacheDir() {
        return cacheDir().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "podsearch-models"));
    }
}
