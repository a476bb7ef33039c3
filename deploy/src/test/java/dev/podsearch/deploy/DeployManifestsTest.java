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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay renders with kustomize, every object validates against its schema model, every cross-check passes
 * (for each check, a manifest broken the way people break them makes it fail: {@link DeployBreakagesTest}).
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
            expected.addAll(List.of("Certificate", "Issuer")); // TLS between the services: cert-manager's internal CA
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
        assertTrue(ingest.managementEnabled(), "health and metrics are on the management port");
        assertEquals(9081, ingest.defaultManagementPort());
        assertEquals("/q/metrics", MonitoringChecks.metricsPath("ingest-service"));
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
            // the public port for everyone, the management port (health, metrics, API docs) for this machine only
            int management = facts.defaultManagementPort();
            assertEquals(
                    List.of(
                            facts.defaultPort() + ":" + facts.defaultPort(),
                            "127.0.0.1:" + management + ":" + management),
                    Manifests.YAML.convertValue(definition.path("ports"), List.class),
                    service);
            String healthcheck = definition.at("/healthcheck/test").toString();
            assertTrue(
                    healthcheck.contains("/dev/tcp/127.0.0.1/" + management)
                            && healthcheck.contains("GET /q/health/ready"),
                    service + ": the healthcheck asks the management port for readiness: " + healthcheck);
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
                "apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata:\n  name: podsearch\nspec: {}\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("ClusterIssuer/podsearch: no schema for apiVersion cert-manager.io/v1"));
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
