package dev.podsearch.chaos;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Whether a restarted node is back in its cluster, not only answering: the step a rolling restart waits for before
 * the next node. Kafka: all three brokers registered and every partition of every topic with all its replicas in
 * sync. OpenSearch: all three nodes joined and the cluster green (every replica allocated and recovered).
 */
final class InSync {

    /** A node that takes long to catch up is expected on this shared machine. */
    static final Duration DEADLINE = Duration.ofMinutes(6);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kafkaBootstrap;
    private final List<String> openSearchUrls;
    private volatile String lastSeen = "nothing";
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    InSync(String kafkaBootstrap, List<String> openSearchUrls) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.openSearchUrls = openSearchUrls;
    }

    /** Returns once the target's cluster is whole again; a service is in sync once ready (its restart waits). */
    void awaitWhole(Target target) {
        switch (target) {
            case KAFKA -> awaitReady("Kafka: not every partition's replicas in sync", this::kafkaInSync);
            case OPENSEARCH -> awaitReady("OpenSearch: not green with every node", this::openSearchGreen);
            default -> {}
        }
    }

    private void awaitReady(String what, java.util.concurrent.Callable<Boolean> check) {
        try {
            await().atMost(DEADLINE)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(check);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    what + " within " + DEADLINE.toMinutes() + " min (last seen: " + lastSeen + ")");
        }
    }

    private boolean kafkaInSync() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            int brokers = admin.describeCluster().nodes().get().size();
            if (brokers < 3) {
                lastSeen = brokers + " brokers";
                return false;
            }
            var topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names()
                    .get();
            for (TopicDescription topic :
                    admin.describeTopics(topics).allTopicNames().get().values()) {
                for (var partition : topic.partitions()) {
                    if (partition.leader() == null
                            || partition.isr().size() < partition.replicas().size()) {
                        lastSeen = topic.name() + "-" + partition.partition() + " with "
                                + partition.isr().size() + " of "
                                + partition.replicas().size() + " replicas in sync";
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private boolean openSearchGreen() throws Exception {
        for (String url : openSearchUrls) {
            try {
                HttpResponse<byte[]> response = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                var health = JSON.readTree(response.body());
                lastSeen = health.path("status").asText() + ", "
                        + health.path("number_of_nodes").asInt() + " nodes, "
                        + health.path("unassigned_shards").asInt() + " unassigned shards";
                return health.path("status").asText().equals("green")
                        && health.path("number_of_nodes").asInt() == openSearchUrls.size();
            } catch (java.io.IOException e) {
                // that node does not answer: ask the next
            }
        }
        return false;
    }
}
