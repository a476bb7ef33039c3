package dev.podsearch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay renders with kustomize, every object validates against its schema model, every cross-check passes;
 * and for each check, a manifest broken the way people break them makes it fail.
 */
class DeployManifestsTest {

    static final Path README = Manifests.repo().resolve("deploy/README.md");

    static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>(Schemas.validate(manifests.objects()));
        CrossChecks cross = new CrossChecks(manifests, README);
        problems.addAll(cross.all());
        ServiceDeployments services = cross.services();
        problems.addAll(new KafkaAclChecks(manifests, services::configuration).check(services.deployments()));
        problems.addAll(new MonitoringChecks(manifests).all());
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersValidatesAndFitsTheServices(String overlay) {
        Manifests manifests = Manifests.render(Manifests.k8s(), overlay);
        Set<String> kinds = new TreeSet<>();
        manifests.objects().forEach(o -> kinds.add(o.path("kind").asText()));
        Set<String> expected = new TreeSet<>(List.of(
                "Cluster",
                "ConfigMap",
                "Deployment",
                "HorizontalPodAutoscaler",
                "Ingress",
                "Kafka",
                "KafkaNodePool",
                "KafkaTopic",
                "Namespace",
                "NetworkPolicy",
                "OpenSearchCluster",
                "PersistentVolumeClaim",
                "PodDisruptionBudget",
                "PrometheusRule",
                "Service",
                "ServiceMonitor"));
        if (overlay.equals(
                "dev")) { // the services' shared token, a public value in dev (prod's is a Secret you create)
            expected.add("Secret");
        }
        if (overlay.equals("prod")) { // least privilege: the services' own Kafka and OpenSearch users
            expected.addAll(List.of("KafkaUser", "OpensearchRole", "OpensearchUser", "OpensearchUserRoleBinding"));
        }
        assertEquals(expected, kinds);
        List<String> problems = problems(manifests);
        assertTrue(problems.isEmpty(), overlay + ":" + CrossChecks.describe(problems));
    }

    @Test
    void devIsSmallAndProdIsHighlyAvailable() {
        Manifests dev = Manifests.render(Manifests.k8s(), "dev");
        Manifests prod = Manifests.render(Manifests.k8s(), "prod");
        assertEquals(
                1,
                dev.find("KafkaNodePool", "dual-role")
                        .orElseThrow()
                        .at("/spec/replicas")
                        .asInt());
        assertEquals(
                3,
                prod.find("KafkaNodePool", "dual-role")
                        .orElseThrow()
                        .at("/spec/replicas")
                        .asInt());
        for (ObjectNode topic : prod.ofKind("KafkaTopic").toList()) {
            assertEquals(3, topic.at("/spec/replicas").asInt(), Manifests.id(topic));
            assertEquals(2, topic.at("/spec/config/min.insync.replicas").asInt(), Manifests.id(topic));
        }
        assertEquals(
                3,
                prod.find("Cluster", "podsearch-db")
                        .orElseThrow()
                        .at("/spec/instances")
                        .asInt());
        assertEquals(
                1,
                dev.find("Cluster", "podsearch-db")
                        .orElseThrow()
                        .at("/spec/instances")
                        .asInt());
        ObjectNode openSearch =
                prod.find("OpenSearchCluster", "podsearch-opensearch").orElseThrow();
        assertEquals(3, openSearch.at("/spec/nodePools/0/replicas").asInt());
        assertTrue(openSearch.at("/spec/security/tls/http/generate").asBoolean());
        assertEquals(
                "https://podsearch-opensearch:9200",
                prod.find("ConfigMap", "query-service-config")
                        .orElseThrow()
                        .at("/data/opensearch.hosts")
                        .asText());
        for (String service : List.of("ingest-service", "index-service", "query-service", "alert-service")) {
            assertTrue(
                    prod.find("Deployment", service)
                                    .orElseThrow()
                                    .at("/spec/replicas")
                                    .asInt()
                            >= 2,
                    service);
            assertEquals(
                    1,
                    dev.find("Deployment", service)
                            .orElseThrow()
                            .at("/spec/replicas")
                            .asInt(),
                    service);
        }
        assertTrue(prod.find("Cluster", "podsearch-db")
                .orElseThrow()
                .at("/spec/backup/barmanObjectStore")
                .isObject());
    }

    @Test
    void serviceFactsComeFromWhatTheServicesDeclare() {
        ServiceFacts index = ServiceFacts.of("index-service");
        assertTrue(
                index.reads("indexer.bulk-max-operations"), index.properties().toString());
        assertTrue(index.reads("opensearch.tls.ca-file"), index.properties().toString());
        assertTrue(index.reads("kafka.bootstrap.servers"));
        assertEquals(8082, index.defaultPort());
        ServiceFacts ingest = ServiceFacts.of("ingest-service");
        assertTrue(ingest.reads("ingest.drop.dir"), ingest.properties().toString());
        assertTrue(ingest.reads("ingest.outbox.batch-size"), ingest.properties().toString());
        assertTrue(!ingest.reads("opensearch.hosts"), "ingest-service does not talk to OpenSearch");
        assertEquals(Set.of("/q/health/live", "/q/health/ready", "/q/health/started"), ingest.healthPaths());
    }

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
                                "              port: http\n            periodSeconds: 10",
                                "              port: 8080\n            periodSeconds: 10",
                                "livenessProbe port 8080 is not the service's port 8081"),
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
                                "- port: http\n      path: /q/metrics",
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
        List<String> problems = problems(Manifests.render(copy, breakage.overlay()));
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(breakage.expected())),
                "expected a problem containing '" + breakage.expected() + "', got:" + CrossChecks.describe(problems));
    }

    @Test
    void composeFileFitsTheServices() throws IOException {
        Path compose = Manifests.repo().resolve("deploy/compose/compose.yaml");
        var services = Manifests.YAML.readTree(compose.toFile()).path("services");
        for (String service : ServiceFacts.MODULES.keySet()) {
            var definition = services.path(service);
            assertTrue(definition.isObject(), "compose has no service " + service);
            ServiceFacts facts = ServiceFacts.of(service);
            definition
                    .path("environment")
                    .fieldNames()
                    .forEachRemaining(key -> assertTrue(
                            facts.reads(key),
                            "compose: " + service + " environment key " + key + " is not a property it reads"));
            assertEquals(
                    List.of(facts.defaultPort() + ":" + facts.defaultPort()),
                    Manifests.YAML.convertValue(definition.path("ports"), List.class),
                    service);
            Path context = compose.getParent()
                    .resolve(definition.at("/build/context").asText())
                    .normalize();
            assertTrue(
                    Files.isRegularFile(
                            context.resolve(definition.at("/build/dockerfile").asText())),
                    service + ": no Dockerfile in " + context);
        }
        composeMakesAKeyAndChecksIt(services);
    }

    /**
     * A key exists and works everywhere: key-init makes it into the volume ingest-service installs it from, and index,
     * query and alert-service check keys with ingest-service under the token key-init makes beside it.
     */
    private static void composeMakesAKeyAndChecksIt(com.fasterxml.jackson.databind.JsonNode services) {
        assertTrue(services.at("/key-init/command").toString().contains("/keys/api-key"), "key-init makes no key");
        var ingest = services.path("ingest-service");
        assertEquals(
                "/keys/api-key",
                ingest.at("/environment/access.bootstrap-key-file").asText());
        assertEquals(
                "service_completed_successfully",
                ingest.at("/depends_on/key-init/condition").asText());
        for (String service : List.of("ingest-service", "index-service", "query-service", "alert-service")) {
            var definition = services.path(service);
            assertEquals(
                    "/keys/service-token",
                    definition.at("/environment/access.service-token-file").asText(),
                    service);
            assertTrue(
                    definition.path("volumes").toString().contains("keys:/keys:ro"), service + " has no keys volume");
            if (!service.equals("ingest-service")) {
                assertEquals(
                        "http://ingest-service:8081",
                        definition.at("/environment/access.verify-url").asText(),
                        service + " checks keys nowhere");
            }
        }
    }

    @Test
    void aKindWithoutASchemaIsAnError() {
        List<String> problems = Schemas.validate(Manifests.parse(
                "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: podsearch\nspec: {}\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Certificate/podsearch: no schema for apiVersion cert-manager.io/v1"));
    }

    /** Routes only another service calls (key checks, the revocation list): not published, on purpose. */
    private static final Set<String> INTERNAL_PREFIXES = Set.of("/v1/access");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPublicApiPrefixReachesTheServiceThatServesIt(String overlay) throws Exception {
        Manifests manifests = Manifests.render(Manifests.k8s(), overlay);
        JsonNode paths = manifests.find("Ingress", "podsearch").orElseThrow().at("/spec/rules/0/http/paths");
        for (String service : List.of("ingest-service", "query-service", "alert-service")) {
            List<String> prefixes;
            try (var files = Files.walk(Manifests.repo().resolve(service).resolve("src/main/java"))) {
                prefixes = files.filter(f -> f.toString().endsWith(".java"))
                        .flatMap(f -> {
                            try {
                                return Files.readAllLines(f).stream();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })
                        .filter(line -> line.startsWith("@Path(\"/v1/"))
                        .map(line ->
                                "/v1/" + line.substring("@Path(\"/v1/".length()).split("[/\"]")[0])
                        .filter(prefix -> !INTERNAL_PREFIXES.contains(prefix))
                        .distinct()
                        .toList();
            }
            assertFalse(prefixes.isEmpty(), service + " serves /v1 routes");
            for (String prefix : prefixes) {
                String routed = null;
                int longest = -1;
                for (JsonNode path : paths) {
                    String ingressPath = path.path("path").asText();
                    if (prefix.startsWith(ingressPath) && ingressPath.length() > longest) {
                        longest = ingressPath.length();
                        routed = path.at("/backend/service/name").asText();
                    }
                }
                assertEquals(service, routed, overlay + ": the Ingress sends " + prefix + " to " + routed);
            }
        }
    }
}
