package dev.podsearch.testing.scram;

import dev.podsearch.events.TopicSettings;
import dev.podsearch.events.TopicSetup;
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

/**
 * A Kafka that takes clients only over TLS with SCRAM-SHA-512 and enforces ACLs, set up the way the prod overlay sets
 * it up: the topics made beforehand by an administrator (the KafkaTopics), and the service's user given exactly the
 * ACLs its KafkaUser declares in {@link #KAFKA_USERS}, read from that file. The service gets the SASL_SSL address, the
 * PEM truststore and its JAAS line, nothing else. A service's tests name the other server they need, the topic sizes,
 * their service and the users of their own (with {@link #addUser}); one SCRAM stack runs at a time.
 */
public abstract class ScramStackResource implements QuarkusTestResourceLifecycleManager {

    /** The prod overlay's KafkaUsers: the service's user gets exactly the ACLs declared there. */
    public static final Path KAFKA_USERS = Path.of("..", "deploy", "k8s", "overlays", "prod", "kafka-users.yaml")
            .toAbsolutePath()
            .normalize();

    private static LocalStack stack;
    private static final Map<String, String> PASSWORDS = new HashMap<>();

    /** The server started beside Kafka (PostgreSQL for ingest-service, OpenSearch for index-service). */
    protected abstract LocalStack.Component companion();

    /** The sizes the topics are made with. */
    protected abstract TopicSettings topics();

    /** The service under test: the name of its KafkaUser in {@link #KAFKA_USERS}. */
    protected abstract String service();

    /** Adds the tests' own users and their ACLs, each with {@link #addUser}. */
    protected abstract void addTestUsers(ScramKafka kafka);

    /** Adds a user with a fresh password, kept for {@link #client}. */
    protected static void addUser(ScramKafka kafka, String user) {
        kafka.addUser(user, password(user));
    }

    @Override
    public Map<String, String> start() {
        ScramKafka kafka = startStack(companion());
        try (Admin admin = kafka.superuser()) {
            TopicSetup.ensureTopics(admin, topics(), Duration.ofSeconds(30));
        }
        kafka.addKafkaUser(KAFKA_USERS, service(), password(service()));
        addTestUsers(kafka);
        Map<String, String> properties = new HashMap<>(running().quarkusProperties());
        properties.putAll(kafka.quarkusProperties(service(), password(service())));
        return properties;
    }

    @Override
    public void stop() {
        stopStack();
    }

    /** The running broker's SASL_SSL side. */
    public static ScramKafka kafka() {
        return running().scramKafka();
    }

    /** Client settings of one of this stack's users. */
    public static Map<String, Object> client(String user) {
        return kafka().client(user, password(user));
    }

    private static synchronized ScramKafka startStack(LocalStack.Component companion) {
        stack = LocalStack.start(LocalStack.Options.ephemeral(EnumSet.of(LocalStack.Component.KAFKA, companion))
                .withScramKafka());
        return stack.scramKafka();
    }

    private static synchronized void stopStack() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    private static synchronized LocalStack running() {
        if (stack == null) {
            throw new IllegalStateException("the SCRAM stack is not running");
        }
        return stack;
    }

    private static synchronized String password(String user) {
        return PASSWORDS.computeIfAbsent(user, u -> UUID.randomUUID().toString());
    }
}
