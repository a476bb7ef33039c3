package dev.podsearch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The local broker's SASL_SSL listener, as Strimzi sets one up on Kubernetes: TLS with a certificate clients trust
 * from a PEM file, SCRAM-SHA-512 logins, and ACLs enforced by KRaft's {@code StandardAuthorizer}. Users and ACLs are
 * made through the broker's plain-text listener on 127.0.0.1, whose anonymous principal is the super user (it also
 * carries the broker's own traffic); services and tests meant to prove the secure path use {@link #client}.
 */
public final class ScramKafka {

    public static final String MECHANISM = "SCRAM-SHA-512";

    private final String superuserBootstrap;
    private final String bootstrap;
    private final Path truststore;

    ScramKafka(String superuserBootstrap, String bootstrap, Path truststore) {
        this.superuserBootstrap = superuserBootstrap;
        this.bootstrap = bootstrap;
        this.truststore = truststore;
    }

    /** The SASL_SSL address. */
    public String bootstrapServers() {
        return bootstrap;
    }

    /** The broker certificate as PEM: the clients' truststore. */
    public Path truststore() {
        return truststore;
    }

    /** Client settings for a user over SASL_SSL (no user: TLS only, no login; the broker refuses it). */
    public Map<String, Object> client(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        quarkusProperties(user, password)
                .forEach((key, value) -> settings.put(key.substring("kafka.".length()), value));
        return settings;
    }

    /** The same settings as Quarkus {@code kafka.*} properties, how a service is configured. */
    public Map<String, String> quarkusProperties(String user, String password) {
        Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", bootstrap);
        properties.put("kafka.security.protocol", "SASL_SSL");
        properties.put("kafka.sasl.mechanism", MECHANISM);
        properties.put("kafka.ssl.truststore.type", "PEM");
        properties.put("kafka.ssl.truststore.location", truststore.toString());
        if (user != null) {
            properties.put("kafka.sasl.jaas.config", jaas(user, password));
        }
        return properties;
    }

    /** The JAAS line a Strimzi KafkaUser Secret holds under {@code sasl.jaas.config}. */
    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Creates (or changes) a SCRAM-SHA-512 user, and returns once the broker accepts its login. */
    public void addUser(String user, String password) {
        try (Admin admin = superuser()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create Kafka user " + user + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Properties login = new Properties();
        login.putAll(client(user, password));
        Readiness.await("the Kafka login of " + user, Duration.ofSeconds(30), null, () -> {
            try (Admin admin = KafkaServer.admin(login)) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            }
        });
    }

    /** Allows {@code user} these operations on a resource ({@link PatternType#LITERAL} or PREFIXED name). */
    public void allow(String user, ResourceType type, String name, PatternType pattern, AclOperation... operations) {
        List<AclBinding> bindings = java.util.Arrays.stream(operations)
                .map(operation -> new AclBinding(
                        new ResourcePattern(type, name, pattern),
                        new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)))
                .toList();
        try (Admin admin = superuser()) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create ACLs for " + user + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates the user a Strimzi KafkaUser in {@code manifest} declares, with that resource's ACLs and nothing else
     * (as the User Operator would), so a test proves the deployment's ACLs are enough.
     */
    public void addKafkaUser(Path manifest, String name, String password) {
        addUser(name, password);
        try (Admin admin = superuser()) {
            admin.createAcls(KafkaUserAcls.of(manifest, name)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the ACLs of " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An admin client with every right (topics, users, ACLs), over the plain-text listener. */
    public Admin superuser() {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", superuserBootstrap);
        return KafkaServer.admin(settings);
    }
}
