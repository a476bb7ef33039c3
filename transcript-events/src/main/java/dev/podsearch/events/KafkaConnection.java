package dev.podsearch.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * Where Kafka is and how to log in to it: the settings every Kafka client of a service starts from (producers,
 * consumers, admin clients, built by hand or by Quarkus, which reads the same {@code kafka.*} properties). Locally
 * Kafka is plain text; on Kubernetes the prod overlay sets SASL_SSL with SCRAM-SHA-512, the JAAS line from the
 * Strimzi KafkaUser's Secret and the cluster CA as a PEM truststore.
 */
@ApplicationScoped
public class KafkaConnection {

    /** The client settings taken from {@code kafka.<setting>} when present. */
    static final List<String> SECURITY = List.of(
            "security.protocol",
            "sasl.mechanism",
            "sasl.jaas.config",
            "ssl.truststore.type",
            "ssl.truststore.location",
            "ssl.truststore.password",
            "ssl.endpoint.identification.algorithm");

    static final String BOOTSTRAP = "kafka.bootstrap.servers";

    /** The properties read: {@link #BOOTSTRAP} and {@code kafka.<setting>} of each of {@link #SECURITY}. */
    public static final List<String> CONFIG_KEYS = Stream.concat(
                    Stream.of(BOOTSTRAP), SECURITY.stream().map(key -> "kafka." + key))
            .toList();

    @Inject
    Config config;

    /** Bootstrap servers and security settings, a new mutable map each time: add the client's own settings to it. */
    public Map<String, Object> settings() {
        return settings(config);
    }

    /** The same settings read from any configuration (tests and tools outside a service). */
    public static Map<String, Object> settings(Config config) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", config.getValue(BOOTSTRAP, String.class));
        for (String key : SECURITY) {
            config.getOptionalValue("kafka." + key, String.class).ifPresent(value -> settings.put(key, value));
        }
        return settings;
    }

    /** Plain-text settings for a bootstrap address (the local stack's default Kafka). */
    public static Map<String, Object> plaintext(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        return settings;
    }
}
