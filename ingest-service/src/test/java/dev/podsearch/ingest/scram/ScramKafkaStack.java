package dev.podsearch.ingest.scram;

import dev.podsearch.events.TopicSettings;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.ScramKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * PostgreSQL and a Kafka that takes clients only over TLS with SCRAM-SHA-512 and enforces ACLs, set up the way the
 * prod overlay sets up Kafka: the topics made beforehand by an administrator (the KafkaTopics), and the ingest
 * service's user given the ACLs its KafkaUser {@code ingest-service} declares in {@link #KAFKA_USERS}, read from
 * that file (write {@code transcripts.v1}, read {@code transcripts.indexed.v1} in group {@code ingest-service-status}).
 * The service gets the SASL_SSL address, the PEM truststore and its JAAS line, nothing else.
 *
 * <p>Two more users for the tests: {@link #VERIFIER}, which reads {@code transcripts.v1} (groups {@code verify-*})
 * and writes {@code transcripts.indexed.v1} as the index service would, and {@link #OUTSIDER}, which may log in and
 * nothing else.
 */
public final class ScramKafkaStack implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE = "ingest-service";
    public static final String VERIFIER = "verifier";
    public static final String OUTSIDER = "outsider";
    /** The prod overlay's KafkaUsers: the service's user gets exactly the ACLs declared there. */
    static final Path KAFKA_USERS = Path.of("..", "deploy", "k8s", "overlays", "prod", "kafka-users.yaml")
            .toAbsolutePath()
            .normalize();

    private static LocalStack stack;
    private static final Map<String, String> PASSWORDS = new HashMap<>();

    @Override
    public synchronized Map<String, String> start() {
        stack = LocalStack.start(
                LocalStack.Options.ephemeral(EnumSet.of(LocalStack.Component.POSTGRES, LocalStack.Component.KAFKA))
                        .withScramKafka());
        ScramKafka kafka = stack.scramKafka();
        try (Admin admin = kafka.superuser()) {
            TopicSetup.ensureTopics(admin, TopicSettings.DEFAULTS, Duration.ofSeconds(30));
        }
        for (String user : new String[] {SERVICE, VERIFIER, OUTSIDER}) {
            PASSWORDS.put(user, UUID.randomUUID().toString());
        }
        kafka.addKafkaUser(KAFKA_USERS, SERVICE, PASSWORDS.get(SERVICE));
        kafka.addUser(VERIFIER, PASSWORDS.get(VERIFIER));
        kafka.addUser(OUTSIDER, PASSWORDS.get(OUTSIDER));
        kafka.allow(VERIFIER, ResourceType.TOPIC, Topics.TRANSCRIPTS, PatternType.LITERAL, AclOperation.READ);
        kafka.allow(VERIFIER, ResourceType.GROUP, "verify-", PatternType.PREFIXED, AclOperation.READ);
        kafka.allow(VERIFIER, ResourceType.TOPIC, Topics.TRANSCRIPTS_INDEXED, PatternType.LITERAL, AclOperation.WRITE);
        Map<String, String> properties = new HashMap<>(stack.quarkusProperties());
        properties.putAll(kafka.quarkusProperties(SERVICE, PASSWORDS.get(SERVICE)));
        return properties;
    }

    @Override
    public synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    /** The running broker's SASL_SSL side. */
    static synchronized ScramKafka kafka() {
        if (stack == null) {
            throw new IllegalStateException("the SCRAM stack is not running");
        }
        return stack.scramKafka();
    }

    /** Client settings of one of this stack's users. */
    static synchronized Map<String, Object> client(String user) {
        return kafka().client(user, PASSWORDS.get(user));
    }
}
