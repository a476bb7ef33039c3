package dev.podsearch.stack;

import dev.podsearch.stack.LocalStack.Component;
import java.nio.file.Path;
import java.util.Map;

/** Which server stands for each component of a stack, and how it is set up. */
final class StackServers {

    private StackServers() {}

    /**
     * The server of a component: an external one when its address is configured ({@code podsearch.postgres.url},
     * {@code podsearch.kafka.bootstrap}, {@code podsearch.opensearch.url}, or their environment variables), a local
     * process otherwise. A Kafka with a SCRAM listener is always local.
     */
    static Server of(Component component, StackHome home, Path runDir, LocalStack.Options options) {
        boolean durable = options.durable();
        boolean defaults = options.defaultPorts();
        boolean scram = options.scramKafka();
        return switch (component) {
            case POSTGRES -> {
                String url = StackHome.setting("podsearch.postgres.url", "PODSEARCH_POSTGRES_URL");
                if (url != null) {
                    String user = orDefault(
                            StackHome.setting("podsearch.postgres.user", "PODSEARCH_POSTGRES_USER"), "podsearch");
                    String password = orDefault(
                            StackHome.setting("podsearch.postgres.password", "PODSEARCH_POSTGRES_PASSWORD"),
                            "podsearch");
                    yield new ExternalServer(
                            "postgres",
                            url,
                            Map.of(
                                    "quarkus.datasource.jdbc.url", url,
                                    "quarkus.datasource.username", user,
                                    "quarkus.datasource.password", password));
                }
                yield new PostgresServer(home, runDir, durable, defaults ? 5432 : 0);
            }
            case KAFKA -> {
                String bootstrap = StackHome.setting("podsearch.kafka.bootstrap", "PODSEARCH_KAFKA_BOOTSTRAP");
                if (bootstrap != null && !scram) {
                    yield new ExternalServer("kafka", bootstrap, Map.of("kafka.bootstrap.servers", bootstrap));
                }
                yield options.cluster()
                        ? new KafkaCluster(home, runDir)
                        : new KafkaServer(home, runDir, defaults ? 9092 : 0, scram);
            }
            case OPENSEARCH -> {
                String url = StackHome.setting("podsearch.opensearch.url", "PODSEARCH_OPENSEARCH_URL");
                String heap = StackHome.setting("podsearch.opensearch.heap", "PODSEARCH_OPENSEARCH_HEAP");
                if (url != null) {
                    yield new ExternalServer("opensearch", url, Map.of("opensearch.hosts", url));
                }
                yield options.cluster()
                        ? new OpenSearchCluster(home, runDir, orDefault(heap, "384m"))
                        : new OpenSearchServer(home, runDir, defaults ? 9200 : 0, orDefault(heap, "512m"));
            }
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
