package dev.podsearch.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The index service's own settings ({@code indexer.*} in application.properties). */
@ConfigMapping(prefix = "indexer")
public interface IndexerConfig {

    /** Kafka consumer group; every replica of the service joins it. */
    @WithDefault(IndexFacts.INDEX_GROUP)
    String groupId();

    /** Replicas of each index: 0 on one node, 1 or more on a cluster. */
    @WithDefault("0")
    int replicas();

    /** Shards of each index (fixed at creation; a reindex applies a new value). */
    @WithDefault("1")
    int shards();

    /** Most records handled per poll: one batch. */
    @WithDefault("200")
    int maxPollRecords();

    /** Most operations in one {@code _bulk} request. */
    @WithDefault("2000")
    int bulkMaxOperations();

    /** Largest {@code _bulk} request, in (estimated) bytes. */
    @WithDefault("5000000")
    long bulkMaxBytes();

    /** {@code _bulk} requests of one batch in flight at once. */
    @WithDefault("2")
    int bulkConcurrency();

    /** Longest wait between retries of a batch OpenSearch could not take (or whose outcomes Kafka did not take). */
    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * How long a batch's outcome announcements may wait for Kafka's acknowledgement; without it in time, the batch's
     * offsets are not committed and the batch is written and announced again after a backoff.
     */
    @WithDefault("30s")
    Duration outcomeTimeout();

    /**
     * How long a reindex waits, after the new indices start receiving every write, before it copies the old ones: long
     * enough for a batch already under way in any replica to finish.
     */
    @WithDefault("5s")
    Duration reindexGrace();

    /**
     * Length of the cluster-wide reindex lease: the running instance renews it every third of this; if that instance
     * dies, another may start a reindex once it has expired.
     */
    @WithDefault("30s")
    Duration reindexLease();

    /** This instance's name in leases and logs; by default the host name (the pod's name) and a random suffix. */
    Optional<String> instanceId();
}
