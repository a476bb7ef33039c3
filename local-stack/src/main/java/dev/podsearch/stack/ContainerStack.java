package dev.podsearch.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The same servers as {@link LocalStack}, as containers, for machines with a Docker engine. */
final class ContainerStack implements RunningStack {

    private final List<GenericContainer<?>> containers;
    private final Map<String, String> properties;

    private ContainerStack(List<GenericContainer<?>> containers, Map<String, String> properties) {
        this.containers = containers;
        this.properties = properties;
    }

    static ContainerStack start(Set<LocalStack.Component> components) {
        List<GenericContainer<?>> containers = new ArrayList<>();
        Map<String, String> properties = new TreeMap<>();
        try {
            for (LocalStack.Component component : EnumSet.copyOf(components)) {
                switch (component) {
                    case POSTGRES -> {
                        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17")
                                .withDatabaseName(PostgresServer.DATABASE)
                                .withUsername(PostgresServer.USER)
                                .withPassword(PostgresServer.PASSWORD);
                        containers.add(postgres);
                        postgres.start();
                        properties.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl());
                        properties.put("quarkus.datasource.username", PostgresServer.USER);
                        properties.put("quarkus.datasource.password", PostgresServer.PASSWORD);
                    }
                    case KAFKA -> {
                        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
                                .withEnv("KAFKA_MESSAGE_MAX_BYTES", Integer.toString(KafkaServer.MAX_MESSAGE_BYTES))
                                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
                        containers.add(kafka);
                        kafka.start();
                        properties.put("kafka.bootstrap.servers", kafka.getBootstrapServers());
                    }
                    case OPENSEARCH -> {
                        GenericContainer<?> opensearch = new GenericContainer<>(
                                        DockerImageName.parse("opensearchproject/opensearch:3.6.0"))
                                .withEnv("discovery.type", "single-node")
                                .withEnv("DISABLE_SECURITY_PLUGIN", "true")
                                .withEnv("DISABLE_INSTALL_DEMO_CONFIG", "true")
                                .withEnv("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m")
                                .withExposedPorts(9200)
                                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow")
                                        .forStatusCode(200)
                                        .withStartupTimeout(Duration.ofMinutes(3)));
                        containers.add(opensearch);
                        opensearch.start();
                        properties.put(
                                "opensearch.hosts",
                                "http://" + opensearch.getHost() + ":" + opensearch.getMappedPort(9200));
                    }
                }
            }
        } catch (RuntimeException e) {
            containers.forEach(GenericContainer::stop);
            throw e;
        }
        return new ContainerStack(containers, properties);
    }

    @Override
    public Map<String, String> quarkusProperties() {
        return properties;
    }

    @Override
    public void close() {
        containers.reversed().forEach(GenericContainer::stop);
    }
}
