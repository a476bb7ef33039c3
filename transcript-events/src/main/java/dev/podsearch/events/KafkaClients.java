package dev.podsearch.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The client settings every producer of the contract's topics uses, and the topic check at start. */
public final class KafkaClients {

    private KafkaClients() {}

    /**
     * {@code session.timeout.ms} of every consumer group member: how long a member that died without leaving (kill
     * -9, a lost node) keeps its partitions before the group gives them to another. Kafka's 45 s default held a
     * restarted index-service's partitions for that long in the crash test; heartbeats go every 3 s, so 10 s still
     * rides out a lost heartbeat or two. Processing time is bounded separately, by {@code max.poll.interval.ms}.
     */
    public static final int SESSION_TIMEOUT_MS = 10_000;

    /**
     * A producer that loses nothing it acknowledged and never duplicates on retry: {@code acks=all}, idempotent,
     * compressed, sized for the largest transcript.
     *
     * @param connection where Kafka is and how to log in ({@link KafkaConnection})
     * @param overrides further producer settings (timeouts, linger)
     */
    public static KafkaProducer<String, byte[]> reliableProducer(
            Map<String, Object> connection, Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        // The producer checks this against the uncompressed record; the broker's limit applies to the compressed batch.
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * TopicSetup.MAX_MESSAGE_BYTES);
        settings.putAll(overrides);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** {@link #reliableProducer(Map, Map)} to a plain-text Kafka (the local stack, tools). */
    public static KafkaProducer<String, byte[]> reliableProducer(
            String bootstrapServers, Map<String, Object> overrides) {
        return reliableProducer(KafkaConnection.plaintext(bootstrapServers), overrides);
    }

    /**
     * Creates the contract's topics that do not exist yet, sized by {@code settings}; fails when Kafka does not answer
     * within {@code timeout}, and returns within about twice that whatever state Kafka is in (the admin client is
     * closed with a bound too).
     *
     * @return how existing topics differ from {@code settings}; empty when they match
     */
    public static List<String> ensureTopics(Map<String, Object> connection, TopicSettings settings, Duration timeout) {
        int millis = (int) timeout.toMillis();
        Map<String, Object> config = new HashMap<>(connection);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        Admin admin = Admin.create(config);
        try {
            return TopicSetup.ensureTopics(admin, settings, timeout);
        } finally {
            admin.close(timeout);
        }
    }

    /** {@link #ensureTopics(Map, TopicSettings, Duration)} on a plain-text Kafka (the local stack, tools). */
    public static List<String> ensureTopics(String bootstrapServers, TopicSettings settings, Duration timeout) {
        return ensureTopics(KafkaConnection.plaintext(bootstrapServers), settings, timeout);
    }
}
