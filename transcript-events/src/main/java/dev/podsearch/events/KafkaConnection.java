package dev.podsearch.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "kafka.security.protocol")
    Optional<String> securityProtocol;

    @ConfigProperty(name = "kafka.sasl.mechanism")
    Optional<String> saslMechanism;

    @ConfigProperty(name = "kafka.sasl.jaas.config")
    Optional<String> saslJaasConfig;

    @ConfigProperty(name = "kafka.ssl.truststore.type")
    Optional<String> truststoreType;

    @ConfigProperty(name = "kafka.ssl.truststore.location")
    Optional<String> truststoreLocation;

    @ConfigProperty(name = "kafka.ssl.truststore.password")
    Optional<String> truststorePassword;

    @ConfigProperty(name = "kafka.ssl.endpoint.identification.algorithm")
    Optional<String> endpointIdentification;

    /** Bootstrap servers and security settings, a new mutable map each time: add the client's own settings to it. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        securityProtocol.ifPresent(value -> settings.put("security.protocol", value));
        saslMechanism.ifPresent(value -> settings.put("sasl.mechanism", value));
        saslJaasConfig.ifPresent(value -> settings.put("sasl.jaas.config", value));
        truststoreType.ifPresent(value -> settings.put("ssl.truststore.type", value));
        truststoreLocation.ifPresent(value -> settings.put("ssl.truststore.location", value));
        truststorePassword.ifPresent(value -> settings.put("ssl.truststore.password", value));
        endpointIdentification.ifPresent(value -> settings.put("ssl.endpoint.identification.algorithm", value));
        return settings;
    }

    /** The same settings read from any configuration (tests and tools outside a service). */
    public static Map<String, Object> settings(Config config) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", config.getValue("kafka.bootstrap.servers", String.class));
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
