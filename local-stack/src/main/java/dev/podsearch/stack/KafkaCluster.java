package dev.podsearch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three Kafka nodes in KRaft mode, each broker and controller (a quorum of three: one may be down), internal topics
 * and new topics replicated three times with {@code min.insync.replicas} 2, as the production overlay asks. The services
 * are told to create the contract's topics with the same replication ({@code topics.replication-factor}).
 */
final class KafkaCluster extends NodeCluster<KafkaServer> {

    KafkaCluster(StackHome home, Path runDir) {
        super("kafka", KafkaServer::bootstrapServers);
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
    void launch(KafkaServer node) {
        node.launch();
    }

    @Override
    void awaitReady(KafkaServer node, Duration timeout) {
        node.awaitReady(timeout);
    }

    @Override
    public Map<String, String> quarkusProperties() {
        return Map.of("kafka.bootstrap.servers", addresses(), "topics.replication-factor", Integer.toString(NODES));
    }
}
