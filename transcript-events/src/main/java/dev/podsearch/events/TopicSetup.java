package dev.podsearch.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics of the contract with their settings: the one definition the services create them from (sized by
 * {@link TopicSettings} from configuration) and that the Kubernetes KafkaTopics are checked against.
 */
public final class TopicSetup {

    /** Largest record value: a 10 MB transcript plus its envelope, before compression. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private TopicSetup() {}

    /** Each topic's own settings (besides its size); the KafkaTopics declare the same. */
    public static Map<String, Map<String, String>> configs() {
        String large = Integer.toString(MAX_MESSAGE_BYTES);
        // cleanup.policy is left to the KafkaTopic (compact for transcripts.v1 on Kubernetes; the topic operator sets
        // it on a topic a service created): a compacted topic refuses a record without a key, and the local topics
        // must take one so the tests can show the consumer dead-letters it.
        return Map.of(
                Topics.TRANSCRIPTS, Map.of("max.message.bytes", large),
                Topics.TRANSCRIPTS_DLQ, Map.of("max.message.bytes", large, "retention.ms", "-1"),
                Topics.TRANSCRIPTS_INDEXED, Map.of("retention.ms", "604800000"));
    }

    public static List<NewTopic> topics(TopicSettings settings) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(Topics.TRANSCRIPTS, Topics.TRANSCRIPTS_DLQ, Topics.TRANSCRIPTS_INDEXED)) {
            Map<String, String> config = new java.util.HashMap<>(configs().get(name));
            config.put("min.insync.replicas", Integer.toString(settings.minInsyncReplicas()));
            topics.add(new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(config));
        }
        return topics;
    }

    /**
     * Creates the missing topics as {@code settings} say; existing ones are left as they are (partitions can only be
     * added, and adding them moves episodes to other partitions: an operator's decision).
     *
     * <p>A topic the service's Kafka user may neither see nor create (least privilege, topics from KafkaTopics) is
     * reported among the differences, not an error.
     *
     * @return how existing topics differ from {@code settings}, one sentence each; empty when they match
     */
    public static List<String> ensureTopics(Admin admin, TopicSettings settings, Duration timeout) {
        try {
            Set<String> visible =
                    new HashSet<>(admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            List<NewTopic> wanted = topics(settings);
            List<NewTopic> missing = wanted.stream()
                    .filter(topic -> !visible.contains(topic.name()))
                    .toList();
            List<String> differences = new ArrayList<>();
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    visible.add(result.getKey());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        visible.add(result.getKey());
                    } else if (e.getCause() instanceof TopicAuthorizationException
                            || e.getCause() instanceof ClusterAuthorizationException) {
                        // least privilege: on Kubernetes KafkaTopics make the topics, and a service's Kafka user
                        // may neither create nor see the topics it does not use
                        differences.add(result.getKey() + " is not visible to this service's Kafka user and it may not"
                                + " create it (not authorized): it must come from a KafkaTopic");
                    } else {
                        throw e;
                    }
                }
            }
            List<String> names = wanted.stream()
                    .map(NewTopic::name)
                    .filter(visible::contains)
                    .toList();
            Map<String, TopicDescription> described =
                    admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            differences.addAll(differences(described.values(), settings));
            return differences;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the Kafka topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the Kafka topics", e);
        }
    }

    static List<String> differences(Iterable<TopicDescription> topics, TopicSettings settings) {
        List<String> differences = new ArrayList<>();
        for (TopicDescription topic : topics) {
            int partitions = topic.partitions().size();
            int replicas = topic.partitions().getFirst().replicas().size();
            if (partitions != settings.partitions() || replicas != settings.replicationFactor()) {
                differences.add(topic.name() + " has " + partitions + " partitions and " + replicas
                        + " replicas; topics.partitions is " + settings.partitions() + " and topics.replication-factor "
                        + settings.replicationFactor());
            }
        }
        return differences;
    }
}
