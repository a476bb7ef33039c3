package dev.podsearch.testing.stack;

import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.stack.StackDefaults;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
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

    private final Map<LocalStack.Component, GenericContainer<?>> containers;
    private final Map<String, String> properties;

    private ContainerStack(Map<LocalStack.Component, GenericContainer<?>> containers, Map<String, String> properties) {
        this.containers = containers;
        this.properties = properties;
    }

    static ContainerStack start(Set<LocalStack.Component> components) {
        Map<LocalStack.Component, GenericContainer<?>> containers = new EnumMap<>(LocalStack.Component.class);
        Map<String, String> properties = new TreeMap<>();
        try {
            for (LocalStack.Component component : EnumSet.copyOf(components)) {
                switch (component) {
                    case POSTGRES -> {
                        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17")
                                .withDatabaseName(StackDefaults.DATABASE)
                                .withUsername(StackDefaults.USER)
                                .withPassword(StackDefaults.PASSWORD);
                        containers.put(component, postgres);
                        postgres.start();
                        properties.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl());
                        properties.put("quarkus.datasource.username", StackDefaults.USER);
                        properties.put("quarkus.datasource.password", StackDefaults.PASSWORD);
                    }
                    case KAFKA -> {
                        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
                                .withEnv(
                                        "KAFKA_MESSAGE_MAX_BYTES",
                                        Integer.toString(StackDefaults.KAFKA_MAX_MESSAGE_BYTES))
                                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
                        containers.put(component, kafka);
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
                        containers.put(component, opensearch);
                        opensearch.start();
                        properties.put(
                                "opensearch.hosts",
                                "http://" + opensearch.getHost() + ":" + opensearch.getMappedPort(9200));
                    }
                }
            }
        } catch (RuntimeException e) {
            containers.values().forEach(GenericContainer::stop);
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
        containers.values().forEach(GenericContainer::stop);
    }

    /** An outage without a new address: the container is paused, not stopped. */
    @Override
    public void interrupt(LocalStack.Component component) {
        GenericContainer<?> container = container(component);
        container
                .getDockerClient()
                .pauseContainerCmd(container.getContainerId())
                .exec();
    }

    @Override
    public void resume(LocalStack.Component component) {
        GenericContainer<?> container = container(component);
        container
                .getDockerClient()
                .unpauseContainerCmd(container.getContainerId())
                .exec();
    }

    private GenericContainer<?> container(LocalStack.Component component) {
        GenericContainer<?> container = containers.get(component);
        if (container == null) {
            throw new IllegalArgumentException(component + " is not part of this stack");
        }
        return container;
    }
}
