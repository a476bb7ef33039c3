package dev.podsearch.stack;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/**
 * How a local KRaft broker is configured: its {@code server.properties} (plain-text and controller listeners on
 * 127.0.0.1, optionally a SASL_SSL listener with SCRAM and ACLs) and a fresh cluster id for formatting. One node is
 * broker and controller of a cluster of its own; in a cluster ({@link KafkaCluster}) every node is both, the controller
 * quorum is the nodes' controller listeners, and internal topics are replicated as the production overlay asks.
 */
final class KafkaBrokerConfig {

    /** Largest record the broker accepts (see {@link StackDefaults#KAFKA_MAX_MESSAGE_BYTES}). */
    static final int MAX_MESSAGE_BYTES = StackDefaults.KAFKA_MAX_MESSAGE_BYTES;

    private KafkaBrokerConfig() {}

    /**
     * Where a node stands in its cluster.
     *
     * @param nodeId the node's id (1 for a single node)
     * @param voters the controller quorum, {@code id@host:port} comma-separated
     * @param replication copies of each internal topic's partitions (and the default for topics), the number of nodes
     */
    record KafkaNode(int nodeId, String voters, int replication) {

        /** Writes wait for one copy fewer than there are, so one node may be down (as the prod overlay says). */
        int minInsync() {
            return Math.max(1, replication - 1);
        }
    }

    /**
     * A node's {@code server.properties}.
     *
     * @param securePort the SASL_SSL listener's port, or 0 for none
     * @param certificate the SASL_SSL listener's certificate (only with a secure port)
     */
    static String serverProperties(
            KafkaNode node, Path data, int port, int controllerPort, int securePort, BrokerCertificate certificate) {
        boolean scram = securePort != 0;
        String copies = Integer.toString(node.replication());
        String minInsync = Integer.toString(node.minInsync());
        return String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=" + node.nodeId(),
                        "controller.quorum.voters=" + node.voters(),
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort
                                + (scram ? ",SASL_SSL://127.0.0.1:" + securePort : ""),
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port
                                + (scram ? ",SASL_SSL://127.0.0.1:" + securePort : ""),
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL",
                        "log.dirs=" + data,
                        "num.partitions=3",
                        "auto.create.topics.enable=false",
                        "default.replication.factor=" + copies,
                        "min.insync.replicas=" + minInsync,
                        "offsets.topic.replication.factor=" + copies,
                        "offsets.topic.num.partitions=3",
                        "transaction.state.log.replication.factor=" + copies,
                        "transaction.state.log.min.isr=" + minInsync,
                        "share.coordinator.state.topic.replication.factor=" + copies,
                        "share.coordinator.state.topic.min.isr=" + minInsync,
                        "group.initial.rebalance.delay.ms=0",
                        // a node gives up (exits) when the quorum has not registered it in this time: the default 60 s
                        // is too short for three nodes starting at once on a loaded 2-core machine
                        "initial.broker.registration.timeout.ms=600000",
                        "message.max.bytes=" + MAX_MESSAGE_BYTES,
                        "replica.fetch.max.bytes=" + MAX_MESSAGE_BYTES,
                        scram ? scramProperties(certificate) : "",
                        "")
                + "\n";
    }

    /**
     * The SASL_SSL listener: SCRAM-SHA-512 logins over TLS, and ACLs. The plain-text listeners stay for the broker's
     * own traffic and {@link ScramKafka#superuser}, on 127.0.0.1 only; their anonymous principal is the super user.
     */
    private static String scramProperties(BrokerCertificate certificate) {
        return String.join(
                "\n",
                "sasl.enabled.mechanisms=" + ScramKafka.MECHANISM,
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.sasl_ssl.ssl.keystore.type=PKCS12",
                "listener.name.sasl_ssl.ssl.keystore.location=" + certificate.keystore(),
                "listener.name.sasl_ssl.ssl.keystore.password=" + certificate.password(),
                "listener.name.sasl_ssl.ssl.key.password=" + certificate.password(),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:ANONYMOUS",
                "allow.everyone.if.no.acl.found=false");
    }

    /**
     * A random Kafka cluster id: 16 bytes, URL-safe Base64 without padding, never starting with '-' (the storage tool
     * would read it as an option, as Kafka's own id generator knows).
     */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
