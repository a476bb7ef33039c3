package dev.podsearch.index.scram;

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
 * OpenSearch and a Kafka that takes clients only over TLS with SCRAM-SHA-512 and enforces ACLs, as the prod overlay
 * runs it: the topics made beforehand (the KafkaTopics; sized as this module's tests configure them), and the service's
 * user given exactly the ACLs of its KafkaUser {@code index-service} in {@link #KAFKA_USERS}. {@link #PUBLISHER} plays
 * ingest-service (writes {@code transcripts.v1}) and reads the outcomes in groups {@code verify-*}.
 */
public final class ScramIndexStack implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE = "index-service";
    public static final String PUBLISHER = "publisher";

    static final Path KAFKA_USERS = Path.of("..", "deploy", "k8s", "overlays", "prod", "kafka-users.yaml")
            .toAbsolutePath()
            .normalize();

    private static LocalStack stack;
    private static final Map<String, String> PASSWORDS = new HashMap<>();

    @Override
    public synchronized Map<String, String> start() {
        stack = LocalStack.start(
                LocalStack.Options.ephemeral(EnumSet.of(LocalStack.Component.KAFKA, LocalStack.Component.OPENSEARCH))
                        .withScramKafka());
        ScramKafka kafka = stack.scramKafka();
        try (Admin admin = kafka.superuser()) {
            TopicSetup.ensureTopics(admin, new TopicSettings(4, (short) 1), Duration.ofSeconds(30));
        }
        PASSWORDS.put(SERVICE, UUID.randomUUID().toString());
        PASSWORDS.put(PUBLISHER, UUID.randomUUID().toString());
        kafka.addKafkaUser(KAFKA_USERS, SERVICE, PASSWORDS.get(SERVICE));
        kafka.addUser(PUBLISHER, PASSWORDS.get(PUBLISHER));
        kafka.allow(PUBLISHER, ResourceType.TOPIC, Topics.TRANSCRIPTS, PatternType.LITERAL, AclOperation.WRITE);
        kafka.allow(PUBLISHER, ResourceType.TOPIC, Topics.TRANSCRIPTS_INDEXED, PatternType.LITERAL, AclOperation.READ);
        kafka.allow(PUBLISHER, ResourceType.GROUP, "verify-", PatternType.PREFIXED, AclOperation.READ);
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

    /** Client settings of one of this stack's users. */
    static synchronized Map<String, Object> client(String user) {
        if (stack == null) {
            throw new IllegalStateException("the SCRAM stack is not running");
        }
        return stack.scramKafka().client(user, PASSWORDS.get(user));
    }
}
