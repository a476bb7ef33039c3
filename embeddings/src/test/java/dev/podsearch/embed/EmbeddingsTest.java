package dev.podsearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsTest {

    @TempDir
    Path cache;

    @Test
    void disabledGivesNoEmbedderSoCallersFallBack() {
        Embeddings embeddings = new Embeddings(config(false, "bge-small-en-v15-q"));

        assertEquals(Embeddings.State.DISABLED, embeddings.state());
        assertTrue(embeddings.embedder().isEmpty());
        assertFalse(embeddings.ready());
        assertEquals(Embeddings.State.DISABLED, embeddings.state());
    }

    @Test
    void aModelThatCannotLoadGivesNoEmbedderInsteadOfFailing() {
        Embeddings embeddings = new Embeddings(config(true, "no-such-model"));
        assertEquals(Embeddings.State.LOADING, embeddings.state()); // not started yet

        assertTrue(embeddings.embedder().isEmpty());
        assertFalse(embeddings.ready());
        assertEquals(Embeddings.State.FAILED, embeddings.state());
    }

    @Test
    void loadsTheConfiguredModelInTheBackground() {
        Embeddings embeddings = new Embeddings(config(true, "all-minilm-l6-v2-q"));
        embeddings.start();

        Embedder embedder = embeddings.embedder().orElseThrow();

        assertTrue(embeddings.ready());
        assertEquals(Embeddings.State.LOADED, embeddings.state());
        assertEquals("all-minilm-l6-v2-q", embedder.model());
        assertEquals(384, embedder.embedQuery("walk-off homer").length);
        if (System.getenv("DJL_CACHE_DIR") == null) {
            // the tokenizer's native library goes under a model cache dir, not $HOME/.djl.ai (first load wins)
            assertTrue(Path.of(System.getProperty("DJL_CACHE_DIR")).endsWith("djl"));
        }
        embeddings.close();
    }

    private EmbeddingConfig config(boolean enabled, String model) {
        return new EmbeddingConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String model() {
                return model;
            }

            @Override
            public int threads() {
                return 1;
            }

            @Override
            public int batchSize() {
                return 8;
            }

            @Override
            public boolean memoryArena() {
                return true;
            }

            @Override
            public Optional<Path> cacheDir() {
                return Optional.of(cache);
            }
        };
    }
}
