package dev.podsearch.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics of the contract with their settings, created idempotently by whichever service starts first. On
 * Kubernetes the same settings are declared as KafkaTopic resources.
 */
public final class TopicSetup {

    /** Largest record value: a 10 MB transcript plus its envelope, before compression. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    public static final int PARTITIONS = 3;

    private TopicSetup() {}

    public static List<NewTopic> topics(short replicationFactor) {
        Map<String, String> large = Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        return List.of(
                new NewTopic(Topics.TRANSCRIPTS, PARTITIONS, replicationFactor).configs(large),
                new NewTopic(Topics.TRANSCRIPTS_DLQ, PARTITIONS, replicationFactor).configs(large),
                new NewTopic(Topics.TRANSCRIPTS_INDEXED, PARTITIONS, replicationFactor));
    }

    /** Creates the missing topics; existing ones are left as they are. */
    public static void ensureTopics(Admin admin, Duration timeout) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = admin.describeCluster()
                    .nodes()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            short replication = (short) Math.min(3, Math.max(1, brokers));
            List<NewTopic> missing = topics(replication).stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var result : admin.createTopics(missing).values().values()) {
                try {
                    result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the Kafka topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the Kafka topics", e);
        }
    }
}
