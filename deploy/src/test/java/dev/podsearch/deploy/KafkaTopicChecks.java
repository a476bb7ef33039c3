package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The KafkaTopics against the Kafka they belong to and the services: every topic the services use exists, fits the
 * brokers (replicas, {@code min.insync.replicas} leaving room for one broker down) and takes records as large as an
 * event may be; index-service has no more replicas than {@code transcripts.v1} has partitions; the sizes and settings
 * the services would create the topics with agree ({@link TopicChecks}).
 */
final class KafkaTopicChecks {

    private final Manifests manifests;
    private final ServiceDeployments services;

    KafkaTopicChecks(Manifests manifests, ServiceDeployments services) {
        this.manifests = manifests;
        this.services = services;
    }

    /** The services that create the contract's topics (their code includes transcript-events) against the topics. */
    List<String> sizes() {
        List<ObjectNode> creators = services.deployments().stream()
                .filter(d -> ServiceFacts.MODULES.get(Manifests.name(d)).contains("transcript-events"))
                .toList();
        return new TopicChecks(manifests, services::configuration).check(creators, services::facts);
    }

    List<String> topics() {
        List<String> problems = new ArrayList<>();
        Map<String, ObjectNode> byTopic = new HashMap<>();
        manifests.ofKind("KafkaTopic").forEach(topic -> {
            String name = topic.at("/spec/topicName").asText(Manifests.name(topic));
            byTopic.put(name, topic);
            String cluster = topic.at("/metadata/labels/strimzi.io~1cluster").asText();
            Optional<ObjectNode> kafka = manifests.find("Kafka", cluster);
            if (kafka.isEmpty()) {
                problems.add(Manifests.id(topic) + ": label strimzi.io/cluster '" + cluster + "' names no Kafka");
                return;
            }
            int brokers = brokers(cluster);
            int replicas = topic.at("/spec/replicas").asInt();
            if (replicas > brokers) {
                problems.add(Manifests.id(topic) + ": " + replicas + " replicas but " + cluster + " has " + brokers
                        + " brokers");
            }
            int minIsr = topic.at("/spec/config/min.insync.replicas").asInt(1);
            if (minIsr > replicas || (replicas > 1 && minIsr >= replicas)) {
                problems.add(Manifests.id(topic) + ": min.insync.replicas " + minIsr + " with " + replicas
                        + " replicas stops writes when one broker is down");
            }
        });
        Set<String> used = new TreeSet<>();
        ServiceFacts.DECLARED
                .keySet()
                .forEach(service ->
                        used.addAll(KafkaUsage.of(service, property -> null).topics()));
        for (String topic : used) {
            if (!byTopic.containsKey(topic)) {
                problems.add("KafkaTopic for " + topic + ": missing (the services use it)");
            }
        }
        for (String topic : List.of(Topics.TRANSCRIPTS, Topics.TRANSCRIPTS_DLQ)) {
            ObjectNode node = byTopic.get(topic);
            if (node != null && node.at("/spec/config/max.message.bytes").asLong(0) < TopicSetup.MAX_MESSAGE_BYTES) {
                problems.add(Manifests.id(node) + ": max.message.bytes "
                        + node.at("/spec/config/max.message.bytes").asText("(broker default)")
                        + " is below the " + TopicSetup.MAX_MESSAGE_BYTES + " bytes a transcript event may have");
            }
        }
        manifests.ofKind("Kafka").forEach(kafka -> {
            for (String setting : List.of("message.max.bytes", "replica.fetch.max.bytes")) {
                if (kafka.at("/spec/kafka/config/" + setting).asLong(0) < TopicSetup.MAX_MESSAGE_BYTES) {
                    problems.add(Manifests.id(kafka) + ": " + setting + " is below " + TopicSetup.MAX_MESSAGE_BYTES);
                }
            }
        });
        ObjectNode transcripts = byTopic.get(Topics.TRANSCRIPTS);
        manifests.find("Deployment", "index-service").ifPresent(index -> {
            int replicas = index.at("/spec/replicas").asInt(1);
            if (transcripts != null && transcripts.at("/spec/partitions").asInt() < replicas) {
                problems.add("Deployment/index-service: " + replicas + " replicas but " + Topics.TRANSCRIPTS + " has "
                        + transcripts.at("/spec/partitions").asInt() + " partitions (replicas beyond that stay idle)");
            }
        });
        return problems;
    }

    private int brokers(String cluster) {
        return manifests
                .ofKind("KafkaNodePool")
                .filter(pool -> cluster.equals(
                        pool.at("/metadata/labels/strimzi.io~1cluster").asText()))
                .filter(pool -> pool.at("/spec/roles").toString().contains("broker"))
                .mapToInt(pool -> pool.at("/spec/replicas").asInt())
                .sum();
    }
}
