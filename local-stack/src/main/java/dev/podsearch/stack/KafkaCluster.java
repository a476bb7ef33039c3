package dev.podsearch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Three Kafka nodes in KRaft mode, each broker and controller (a quorum of three: one may be down), internal topics
 * and new topics replicated three times with {@code min.insync.replicas} 2, as the production overlay asks. The services
 * are told to create the contract's topics with the same replication ({@code topics.replication-factor}).
 */
final class KafkaCluster implements Server {

    static final int NODES = 3;

    /** Three nodes starting at once on two cores (beside the other servers) take far longer than one. */
    static final Duration STARTUP = Duration.ofMinutes(6);

    private final List<KafkaServer> nodes = new ArrayList<>();

    KafkaCluster(StackHome home, Path runDir) {
        List<String> voters = new ArrayList<>();
        for (int id = 1; id <= NODES; id++) {
            KafkaServer node = new KafkaServer(home, runDir, "kafka-" + id, 0, false);
            voters.add(id + "@127.0.0.1:" + node.reserveControllerPort());
            nodes.add(node);
        }
        String clusterId = KafkaBrokerConfig.clusterId();
        for (int id = 1; id <= NODES; id++) {
            nodes.get(id - 1)
                    .joinCluster(new KafkaBrokerConfig.KafkaNode(id, String.join(",", voters), NODES), clusterId);
        }
    }

    @Override
    public String name() {
        return "kafka";
    }

    /**
     * Formats and starts every node at once (none is ready before a quorum of controllers runs) and waits for each.
     */
    @Override
    public void start() {
        CompletableFuture.allOf(nodes.stream()
                        .map(node -> CompletableFuture.runAsync(() -> {
                            node.launch();
                            node.awaitReady(STARTUP);
                        }))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    @Override
    public void stop() {
        nodes.forEach(KafkaServer::stop);
    }

    @Override
    public List<? extends Server> nodes() {
        return nodes;
    }

    String bootstrapServers() {
        return nodes.stream().map(KafkaServer::bootstrapServers).collect(Collectors.joining(","));
    }

    @Override
    public String location() {
        return bootstrapServers() + " (3 nodes)";
    }

    @Override
    public Map<String, String> quarkusProperties() {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers(), "topics.replication-factor", Integer.toString(NODES));
    }
}
