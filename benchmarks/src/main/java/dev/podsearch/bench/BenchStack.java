package dev.podsearch.bench;

import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.TopicSettings;
import dev.podsearch.stack.LocalStack;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The servers {@code bench index} and {@code bench query} run on, and how many instances of the service they start:
 * one Kafka broker, one OpenSearch node and one instance; or, with {@code --cluster}, the local stack's cluster ({@link
 * LocalStack.Options#asCluster}: three Kafka brokers in KRaft, topics replicated three times with min ISR 2; three
 * OpenSearch nodes, every index with one replica) and two instances, as {@code ./podsearch up --cluster} runs them.
 * The direct paths write indices with the replicas the service gives them ({@code indexer.replicas}), so the engine
 * baseline is measured on the same cluster under the same replication.
 */
final class BenchStack implements AutoCloseable {

    private static final int CLUSTER_INSTANCES = 2;

    private final LocalStack stack;
    private final Set<LocalStack.Component> components;
    private final boolean cluster;

    private BenchStack(LocalStack stack, Set<LocalStack.Component> components, boolean cluster) {
        this.stack = stack;
        this.components = components;
        this.cluster = cluster;
    }

    static BenchStack start(Set<LocalStack.Component> components, boolean cluster) {
        LocalStack.Options options = LocalStack.Options.ephemeral(components);
        System.err.printf("[bench] starting %s%n", cluster ? "the cluster" : "a single node of each server");
        return new BenchStack(
                LocalStack.start(cluster ? options.asCluster() : options), EnumSet.copyOf(components), cluster);
    }

    boolean cluster() {
        return cluster;
    }

    /** What a service needs to reach the servers (comma-separated hosts on the cluster). */
    Map<String, String> properties() {
        return stack.quarkusProperties();
    }

    String bootstrap() {
        return properties().get("kafka.bootstrap.servers");
    }

    /** Every OpenSearch node's address. */
    List<String> engineNodes() {
        return List.of(properties().get("opensearch.hosts").split(","));
    }

    /** The first OpenSearch node, creating indices with the replicas index-service gives them. */
    Engine engine() {
        return new Engine(
                engineNodes().getFirst(), Integer.parseInt(properties().getOrDefault("indexer.replicas", "0")));
    }

    /** The contract's topics as the services create them here. */
    TopicSettings topics() {
        return new TopicSettings(
                Integer.parseInt(TopicSettings.DEFAULT_PARTITIONS),
                Short.parseShort(properties()
                        .getOrDefault(KafkaTopics.REPLICATION_FACTOR, TopicSettings.DEFAULT_REPLICATION_FACTOR)));
    }

    /** Starts the service's instances: {@value #CLUSTER_INSTANCES} on the cluster, one otherwise. */
    Instances start(String service, Map<String, String> serviceProperties) {
        return start(service, service, serviceProperties);
    }

    /** As {@link #start(String, Map)}, the instances named {@code name} ({@code name-2}). */
    Instances start(String service, String name, Map<String, String> serviceProperties) {
        return Instances.start(service, name, serviceProperties, cluster ? CLUSTER_INSTANCES : 1);
    }

    /** What ran, for the report: the servers' nodes, replication and heap, then {@code services}. */
    String shape(Engine engine, String services) throws Exception {
        StringBuilder shape = new StringBuilder(cluster ? "the cluster: " : "one node of each: ");
        if (components.contains(LocalStack.Component.KAFKA)) {
            TopicSettings topics = topics();
            int brokers = stack.nodes(LocalStack.Component.KAFKA);
            shape.append(String.format(
                    Locale.ROOT,
                    "%d Kafka broker%s (replication factor %d, min ISR %d, %d partitions), ",
                    brokers,
                    brokers == 1 ? "" : "s in KRaft",
                    topics.replicationFactor(),
                    topics.minInsyncReplicas(),
                    topics.partitions()));
        }
        int nodes = stack.nodes(LocalStack.Component.OPENSEARCH);
        shape.append(String.format(
                Locale.ROOT,
                "%d OpenSearch node%s (heap %d MB%s; %d replica%s per shard), ",
                nodes,
                nodes == 1 ? "" : "s",
                engine.heapMegabytes(),
                nodes == 1 ? "" : " each",
                engine.replicas(),
                engine.replicas() == 1 ? "" : "s"));
        return shape.append(services).toString();
    }

    @Override
    public void close() {
        stack.close();
    }
}
