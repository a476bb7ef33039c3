package dev.podsearch.events;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The contract's topics, made sure of once per service start before the first record is read or written: created
 * from {@link TopicSetup} with the sizes configured in {@code topics.partitions} and {@code topics.replication-factor}
 * if missing, compared with them if they exist. Every service that uses the topics runs this same code with the same
 * settings (one ConfigMap on Kubernetes), so whichever starts first creates the same topics.
 */
@ApplicationScoped
public class KafkaTopics {

    @Inject
    KafkaConnection connection;

    /** The sizes a service creates missing topics with. */
    public static final String PARTITIONS = "topics.partitions";

    public static final String REPLICATION_FACTOR = "topics.replication-factor";

    /** The properties read. */
    public static final List<String> CONFIG_KEYS = List.of(PARTITIONS, REPLICATION_FACTOR);

    @ConfigProperty(name = PARTITIONS, defaultValue = TopicSettings.DEFAULT_PARTITIONS)
    int partitions;

    @ConfigProperty(name = REPLICATION_FACTOR, defaultValue = TopicSettings.DEFAULT_REPLICATION_FACTOR)
    short replicationFactor;

    private volatile boolean ready;
    private volatile List<String> differences = List.of();

    public TopicSettings settings() {
        return new TopicSettings(partitions, replicationFactor);
    }

    /**
     * Creates the missing topics; after the first success it returns at once. Throws while Kafka does not answer
     * (within 5 s): callers retry with their own backoff.
     */
    public void ensure() {
        if (ready) {
            return;
        }
        differences = KafkaClients.ensureTopics(connection.settings(), settings(), Duration.ofSeconds(5));
        for (String difference : differences) {
            Log.warnf(
                    "kafka topics: %s (the topics stay as they are: change the configuration or the topics)",
                    difference);
        }
        ready = true;
    }

    /** How the existing topics differ from the configured sizes, as found at start; empty when they match. */
    public List<String> differences() {
        return differences;
    }
}
