package dev.podsearch.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The index service's own settings ({@code indexer.*} in application.properties). */
@ConfigMapping(prefix = "indexer")
public interface IndexerConfig {

    /** Kafka consumer group; every replica of the service joins it. */
    @WithDefault("index-service")
    String groupId();

    /** Replicas of each index: 0 on one node, 1 or more on a cluster. */
    @WithDefault("0")
    int replicas();

    /** Most records handled per poll. */
    @WithDefault("200")
    int maxPollRecords();

    /** Longest wait between retries of a batch OpenSearch could not take. */
    @WithDefault("30s")
    Duration maxBackoff();
}
