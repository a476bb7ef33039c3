package dev.podsearch.deploy;

import dev.podsearch.deploy.DeployBreakagesTest.Breakage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prod overlay's Kafka users against what the services declare ({@link KafkaAclChecks}): a missing ACL, one more than
 * the service declares, a group its configuration renames, a wider pattern, and client settings that do not fit the TLS + SCRAM listener are each caught.
 */
class KafkaAclChecksTest {

    static Stream<Arguments> breakages() {
        return Stream.of(
                        new Breakage(
                                "prod",
                                "overlays/prod/kafka-users.yaml",
                                "name: ingest-service-status",
                                "name: ingest-service-state",
                                "KafkaUser/ingest-service: no ACL for Read on group ingest-service-status, which"
                                        + " ingest-service needs (the status consumer)"),
                        new Breakage(
                                "prod",
                                "overlays/prod/kafka-users.yaml",
                                "          - Write\n      # the status consumer",
                                "          - Write\n          - Read\n      # the status consumer",
                                "KafkaUser/ingest-service: ACL Read on topic transcripts.v1 is more than ingest-service"
                                        + " uses"),
                        new Breakage(
                                "prod",
                                "overlays/prod/kafka-users.yaml",
                                "          name: transcripts.indexed.v1",
                                "          name: transcripts.v1.dlq",
                                "KafkaUser/ingest-service: ACL Read on topic transcripts.v1.dlq is more than"),
                        new Breakage(
                                "prod",
                                "overlays/prod/kafka-users.yaml",
                                "name: index-service-embedder",
                                "name: index-service-embed",
                                "KafkaUser/index-service: no ACL for Read on group index-service-embedder, which"
                                        + " index-service needs (the embed stage)"),
                        new Breakage(
                                "prod",
                                "base/index-service.yaml",
                                "  indexer.bulk-max-operations:",
                                "  embedder.group-id: embedders-b\n  indexer.bulk-max-operations:",
                                "KafkaUser/index-service: no ACL for Read on group embedders-b, which index-service"
                                        + " needs (the embed stage)"),
                        new Breakage(
                                "prod",
                                "overlays/prod/kafka-users.yaml",
                                "name: transcripts.v1.dlq",
                                "name: transcripts.v1.dead",
                                "KafkaUser/index-service: no ACL for Write on topic transcripts.v1.dlq, which"
                                        + " index-service needs (the transcript consumer's dead letters)"),
                        new Breakage(
                                "prod",
                                "overlays/prod/kafka-users.yaml",
                                "patternType: literal",
                                "patternType: prefix",
                                "KafkaUser/ingest-service: topic transcripts.v1 with patternType prefix is wider"),
                        new Breakage(
                                "prod",
                                "overlays/prod/services.yaml",
                                "kafka.security.protocol: SASL_SSL",
                                "kafka.security.protocol: SSL",
                                "Deployment/ingest-service: kafka.security.protocol is SSL, not SASL_SSL"),
                        new Breakage(
                                "prod",
                                "overlays/prod/services.yaml",
                                "podsearch-kafka-kafka-bootstrap:9093",
                                "podsearch-kafka-kafka-bootstrap:9092",
                                "Deployment/ingest-service: kafka.bootstrap.servers podsearch-kafka-kafka-bootstrap:9092"
                                        + " is not a TLS listener with SCRAM-SHA-512"),
                        new Breakage(
                                "prod",
                                "overlays/prod/services.yaml",
                                "secretName: podsearch-kafka-cluster-ca-cert",
                                "secretName: podsearch-opensearch-ca",
                                "Deployment/ingest-service: kafka.ssl.truststore.location '/etc/podsearch/kafka-ca/"
                                        + "ca.crt' (type PEM) is not ca.crt of a mounted"),
                        new Breakage(
                                "prod",
                                "overlays/prod/services.yaml",
                                "- name: kafka.sasl.jaas.config",
                                "- name: KAFKA_SASL_JAAS_CONFIG",
                                "Deployment/ingest-service: uses Kafka, whose listeners want SCRAM logins, but takes no"
                                        + " kafka.sasl.jaas.config"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void eachLeastPrivilegeMistakeIsCaught(Breakage breakage, @TempDir Path copy) throws IOException {
        DeployBreakagesTest.assertCaught(breakage, copy);
    }
}
