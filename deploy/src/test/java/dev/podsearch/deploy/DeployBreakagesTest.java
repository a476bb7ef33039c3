package dev.podsearch.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each check of the manifests, a manifest broken the way people break them makes it fail (the management port's:
 * {@link ManagementBreakagesTest}).
 */
class DeployBreakagesTest {

    /** One way to break a manifest: in {@code file} (below deploy/k8s), the first {@code from} becomes {@code to}. */
    record Breakage(String overlay, String file, String from, String to, String expected) {
        @Override
        public String toString() {
            return overlay + ": " + file + ": '" + from.strip() + "' -> '" + to.strip() + "'";
        }
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                        // schemas: Kubernetes, Strimzi, CloudNativePG, OpenSearch operator, Prometheus operator
                        new Breakage(
                                "dev",
                                "base/ingest-service.yaml",
                                "containerPort: 8081",
                                "containerPort: \"8081\"",
                                "Deployment/ingest-service: Cannot coerce"),
                        new Breakage(
                                "dev",
                                "base/index-service.yaml",
                                "readOnlyRootFilesystem: true",
                                "readOnlyRootFileSystem: true",
                                "unknown field(s) [readOnlyRootFileSystem]"),
                        new Breakage(
                                "dev",
                                "base/kafka.yaml",
                                "networkPolicyPeers:",
                                "networkPolicyPeer:",
                                "Kafka/podsearch-kafka: unknown field(s) [networkPolicyPeer]"),
                        new Breakage(
                                "dev",
                                "base/topics.yaml",
                                "partitions: 3",
                                "partitions: three",
                                "KafkaTopic/transcripts-v1: Cannot coerce String value (\"three\")"),
                        new Breakage(
                                "dev",
                                "base/postgres.yaml",
                                "instances: 1",
                                "instance: 1",
                                "Cluster/podsearch-db: Missing required creator property 'instances'"),
                        new Breakage(
                                "dev",
                                "base/postgres.yaml",
                                "imageName:",
                                "image:",
                                "Cluster/podsearch-db: Unrecognized field \"image\""),
                        new Breakage(
                                "dev",
                                "base/opensearch.yaml",
                                "serviceName:",
                                "servicename:",
                                "OpenSearchCluster/podsearch-opensearch: Missing required creator property 'serviceName'"),
                        new Breakage(
                                "dev",
                                "base/opensearch.yaml",
                                "setVMMaxMapCount:",
                                "setVmMaxMapCount:",
                                "OpenSearchCluster/podsearch-opensearch: Unrecognized field \"setVmMaxMapCount\""),
                        new Breakage(
                                "prod",
                                "overlays/prod/postgres.yaml",
                                "retentionPolicy: 30d",
                                "retentionPolicy: 30 days",
                                "is not like 30d"),
                        new Breakage(
                                "prod",
                                "overlays/prod/postgres.yaml",
                                "dataDurability: required",
                                "dataDurability: strict",
                                "synchronous.dataDurability 'strict' is not required or preferred"),
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "path: /q/metrics",
                                "metricsPath: /q/metrics",
                                "ServiceMonitor/query-service: unknown field(s) [metricsPath]"),
                        // monitoring watches what exists
                        new Breakage(
                                "dev",
                                "base/ingest-service.yaml",
                                "path: /q/metrics",
                                "path: /metrics",
                                "ServiceMonitor/ingest-service: scrapes /metrics but ingest-service serves its"
                                        + " metrics at /q/metrics"),
                        new Breakage(
                                "prod",
                                "base/monitoring.yaml",
                                "podsearch_index_dlq_records_total",
                                "podsearch_index_dead_letters_total",
                                "alert PodsearchDeadLetters: metric podsearch_index_dead_letters_total is exported by"
                                        + " no service"),
                        new Breakage(
                                "dev",
                                "base/dashboards/podsearch.json",
                                "podsearch_query_search_zero_results_total",
                                "podsearch_query_zero_results_total",
                                "panel 'Zero-result rate': metric podsearch_query_zero_results_total is exported by"
                                        + " no service"),
                        // ConfigMap keys are properties the service reads
                        new Breakage(
                                "dev",
                                "base/index-service.yaml",
                                "indexer.bulk-max-operations:",
                                "indexer.bulk-max-operation:",
                                "'indexer.bulk-max-operation' is not a property"),
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "query.max-size:",
                                "ingest.max-upload-bytes:",
                                "'ingest.max-upload-bytes' is not a property query-service reads"),
                        // probes and ports
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "path: /q/health/ready",
                                "path: /health/ready",
                                "readinessProbe path /health/ready is not one of the service's health endpoints"),
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "quarkus.http.port: \"8080\"",
                                "quarkus.http.port: \"9090\"",
                                "the service listens on 9090"),
                        new Breakage(
                                "dev",
                                "base/ingest-service.yaml",
                                "              port: management\n            periodSeconds: 10",
                                "              port: 8081\n            periodSeconds: 10",
                                "livenessProbe port 8081 is not the service's management port 9081"),
                        // selectors
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "  selector:\n    app.kubernetes.io/name: query-service",
                                "  selector:\n    app.kubernetes.io/name: query",
                                "Service/query-service: selector"),
                        new Breakage(
                                "dev",
                                "base/network-policies.yaml",
                                "cnpg.io/cluster: podsearch-db",
                                "cnpg.io/cluster: podsearch-postgres",
                                "NetworkPolicy/ingest-service: egress peer"),
                        new Breakage(
                                "dev",
                                "base/index-service.yaml",
                                "- port: management\n      path: /q/metrics",
                                "- port: metrics\n      path: /q/metrics",
                                "endpoint port 'metrics' is no port name"),
                        new Breakage(
                                "dev",
                                "base/ingress.yaml",
                                "name: ingest-service",
                                "name: upload-service",
                                "backend Service upload-service does not exist"),
                        // topics
                        new Breakage(
                                "dev",
                                "base/topics.yaml",
                                "topicName: transcripts.v1.dlq",
                                "topicName: transcripts.dlq",
                                "KafkaTopic for transcripts.v1.dlq: missing"),
                        new Breakage(
                                "dev",
                                "base/topics.yaml",
                                "max.message.bytes: 16777216",
                                "max.message.bytes: 1048576",
                                "max.message.bytes 1048576 is below"),
                        new Breakage(
                                "dev",
                                "base/kafka.yaml",
                                "replica.fetch.max.bytes: 16777216",
                                "replica.fetch.max.bytes: 1048576",
                                "replica.fetch.max.bytes is below"),
                        new Breakage(
                                "prod",
                                "overlays/prod/topics.yaml",
                                "min.insync.replicas: 2",
                                "min.insync.replicas: 3",
                                "stops writes when one broker is down"),
                        new Breakage(
                                "prod",
                                "overlays/prod/topics.yaml",
                                "partitions: 12",
                                "partitions: 2",
                                "3 replicas but transcripts.v1 has 2 partitions"),
                        new Breakage(
                                "prod",
                                "overlays/prod/topics.yaml",
                                "topics.partitions: \"12\"",
                                "topics.partitions: \"6\"",
                                "Deployment/index-service: topics.partitions is 6 but KafkaTopic/transcripts-v1 declares"
                                        + " 12 partitions"),
                        new Breakage(
                                "prod",
                                "base/ingest-service.yaml",
                                "            - configMapRef:\n                name: podsearch-topics\n",
                                "",
                                "Deployment/ingest-service: topics.partitions is 3 but KafkaTopic/transcripts-v1"
                                        + " declares 12 partitions"),
                        new Breakage(
                                "dev",
                                "base/topics.yaml",
                                "retention.ms: -1",
                                "retention.ms: 604800000",
                                "retention.ms is 604800000 but the services create transcripts.v1.dlq with -1"),
                        // references
                        new Breakage(
                                "prod",
                                "overlays/prod/services.yaml",
                                "name: podsearch-opensearch-query-service",
                                "name: podsearch-os-query",
                                "Secret podsearch-os-query is neither"),
                        new Breakage(
                                "dev",
                                "base/ingest-service.yaml",
                                "                name: ingest-service-config",
                                "                name: ingest-config",
                                "ConfigMap ingest-config does not exist"),
                        new Breakage(
                                "dev",
                                "base/ingest-service.yaml",
                                "name: podsearch-db-app",
                                "name: podsearch-postgres-app",
                                "Secret podsearch-postgres-app is neither"),
                        // endpoints
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "http://podsearch-opensearch:9200",
                                "http://podsearch-opensearch:9300",
                                "is not on the cluster's HTTP port 9200"),
                        new Breakage(
                                "prod",
                                "overlays/prod/services.yaml",
                                "opensearch.hosts: https://",
                                "opensearch.hosts: http://",
                                "uses http but the cluster's HTTP is TLS"),
                        new Breakage(
                                "dev",
                                "base/ingest-service.yaml",
                                "podsearch-db-rw:5432/podsearch",
                                "podsearch-db:5432/podsearch",
                                "is not the primary"),
                        new Breakage(
                                "dev",
                                "base/index-service.yaml",
                                "podsearch-kafka-kafka-bootstrap:9092",
                                "podsearch-kafka-kafka-bootstrap:9093",
                                "is not a listener"),
                        // hardening
                        new Breakage(
                                "dev",
                                "base/index-service.yaml",
                                "readOnlyRootFilesystem: true",
                                "readOnlyRootFilesystem: false",
                                "readOnlyRootFilesystem is not true"),
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "allowPrivilegeEscalation: false",
                                "allowPrivilegeEscalation: true",
                                "allowPrivilegeEscalation is not false"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void eachCheckCatchesItsMistake(Breakage breakage, @TempDir Path copy) throws IOException {
        assertCaught(breakage, copy);
    }

    /** Breaks a copy of the manifests as {@code breakage} says and asserts the problems include the expected one. */
    static void assertCaught(Breakage breakage, Path copy) throws IOException {
        Manifests.copyTree(Manifests.k8s(), copy);
        Path file = copy.resolve(breakage.file());
        String text = Files.readString(file);
        assertTrue(text.contains(breakage.from()), breakage.file() + " no longer contains '" + breakage.from() + "'");
        Files.writeString(
                file,
                text.replaceFirst(
                        java.util.regex.Pattern.quote(breakage.from()),
                        java.util.regex.Matcher.quoteReplacement(breakage.to())));
        List<String> problems = DeployManifestsTest.problems(Manifests.render(copy, breakage.overlay()));
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(breakage.expected())),
                "expected a problem containing '" + breakage.expected() + "', got:" + CrossChecks.describe(problems));
    }
}
