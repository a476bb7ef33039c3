package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.events.TopicSettings;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The KafkaTopics against what a service would create if it came first: the sizes in its configuration
 * ({@code topics.partitions}, {@code topics.replication-factor}, defaults from {@link TopicSettings}) and the
 * settings {@link TopicSetup} gives each topic. A topic created with other sizes than the KafkaTopic declares keeps
 * them (partitions only grow, and growing moves episodes to other partitions), so they must agree beforehand.
 */
final class TopicChecks {

    static final String PARTITIONS = "topics.partitions";
    static final String REPLICATION = "topics.replication-factor";

    private final Manifests manifests;
    private final Function<JsonNode, Map<String, String>> configuration;

    TopicChecks(Manifests manifests, Function<JsonNode, Map<String, String>> configuration) {
        this.manifests = manifests;
        this.configuration = configuration;
    }

    /** Every problem, for the services' Deployments given (those whose code creates the topics). */
    List<String> check(List<ObjectNode> creators, Function<String, ServiceFacts> facts) {
        Map<String, ObjectNode> byTopic = new HashMap<>();
        manifests
                .ofKind("KafkaTopic")
                .forEach(t -> byTopic.put(t.at("/spec/topicName").asText(Manifests.name(t)), t));
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : creators) {
            ServiceFacts service = facts.apply(Manifests.name(deployment));
            if (!service.reads(PARTITIONS) || !service.reads(REPLICATION)) {
                problems.add(Manifests.id(deployment) + ": creates the Kafka topics but does not read " + PARTITIONS
                        + " and " + REPLICATION);
                continue;
            }
            Map<String, String> config = configuration.apply(deployment);
            int partitions = Integer.parseInt(config.getOrDefault(PARTITIONS, TopicSettings.DEFAULT_PARTITIONS));
            int replication =
                    Integer.parseInt(config.getOrDefault(REPLICATION, TopicSettings.DEFAULT_REPLICATION_FACTOR));
            for (ObjectNode topic : byTopic.values()) {
                problems.addAll(sizes(deployment, topic, partitions, replication));
            }
        }
        TopicSetup.configs().forEach((name, settings) -> {
            ObjectNode topic = byTopic.get(name);
            if (topic != null) {
                settings.forEach((key, value) -> {
                    String declared = topic.at("/spec/config/" + key).asText("(broker default)");
                    if (!declared.equals(value)) {
                        problems.add(Manifests.id(topic) + ": " + key + " is " + declared + " but the services create "
                                + name + " with " + value + " (transcript-events TopicSetup)");
                    }
                });
            }
        });
        return problems;
    }

    private static List<String> sizes(ObjectNode deployment, ObjectNode topic, int partitions, int replication) {
        List<String> problems = new ArrayList<>();
        String name = topic.at("/spec/topicName").asText();
        if (!List.of(Topics.TRANSCRIPTS, Topics.TRANSCRIPTS_DLQ, Topics.TRANSCRIPTS_INDEXED)
                .contains(name)) {
            return problems;
        }
        int declared = topic.at("/spec/partitions").asInt();
        if (declared != partitions) {
            problems.add(
                    Manifests.id(deployment) + ": " + PARTITIONS + " is " + partitions + " but " + Manifests.id(topic)
                            + " declares " + declared + " partitions (whichever comes first creates " + name + ")");
        }
        int replicas = topic.at("/spec/replicas").asInt();
        if (replicas != replication) {
            problems.add(Manifests.id(deployment) + ": " + REPLICATION + " is " + replication + " but "
                    + Manifests.id(topic) + " declares " + replicas + " replicas");
        }
        return problems;
    }
}
