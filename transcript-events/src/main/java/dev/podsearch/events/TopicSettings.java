package dev.podsearch.events;

/**
 * How the contract's topics are sized: the same for all three ({@code topics.partitions},
 * {@code topics.replication-factor}). Fixed once a topic exists: more partitions later would send an episode's events
 * to another partition than its earlier ones, so choose them for the most consumers ever wanted.
 */
public record TopicSettings(int partitions, short replicationFactor) {

    /** One broker, up to three consumers: the local stack and the tests. */
    public static final String DEFAULT_PARTITIONS = "3";

    public static final String DEFAULT_REPLICATION_FACTOR = "1";

    public static final TopicSettings DEFAULTS =
            new TopicSettings(Integer.parseInt(DEFAULT_PARTITIONS), Short.parseShort(DEFAULT_REPLICATION_FACTOR));

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("topics.partitions must be at least 1, not " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topics.replication-factor must be at least 1, not " + replicationFactor);
        }
    }

    /** Writes wait for this many copies: one fewer than there are, so one broker may be down (at least one). */
    public int minInsyncReplicas() {
        return Math.max(1, replicationFactor - 1);
    }
}
