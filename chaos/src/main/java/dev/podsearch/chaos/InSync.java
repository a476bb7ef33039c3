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
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    InSync(String kafkaBootstrap, List<String> openSearchUrls) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.openSearchUrls = openSearchUrls;
    }

    /** Returns once the target's cluster is whole again; a service is in sync once ready (its restart waits). */
    void awaitWhole(Target target) {
        switch (target) {
            case KAFKA -> awaitReady(this::kafkaInSync);
            case OPENSEARCH -> awaitReady(this::openSearchGreen);
            default -> {}
        }
    }

    private static void awaitReady(java.util.concurrent.Callable<Boolean> check) {
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(check);
    }

    private boolean kafkaInSync() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            if (admin.describeCluster().nodes().get().size() < 3) {
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
                return health.path("status").asText().equals("green")
                        && health.path("number_of_nodes").asInt() == openSearchUrls.size();
            } catch (java.io.IOException e) {
                // that node does not answer: ask the next
            }
        }
        return false;
    }
}
