package dev.podsearch.index.embed;

import dev.podsearch.index.IndexFacts;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The embed stage's own settings ({@code embedder.*}); the model's are {@code embedding.*}. */
@ConfigMapping(prefix = "embedder")
public interface EmbedderConfig {

    /** Off: this replica runs no embed stage (another deployment may, with its own nodes). */
    @WithDefault("true")
    boolean enabled();

    /** Kafka consumer group of the stage, apart from the keyword indexer's so it never holds that back. */
    @WithDefault(IndexFacts.EMBED_GROUP)
    String groupId();

    /** Most outcome records (episodes) handled per poll, before the offsets are committed. */
    @WithDefault("8")
    int batchSize();

    /** Longest wait between retries when OpenSearch or Kafka fails. */
    @WithDefault("30s")
    Duration maxBackoff();
}
