package dev.podsearch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.deploy.DeployBreakagesTest.Breakage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' shared token in Kubernetes, as compose has it: every service Deployment of every overlay mounts the
 * same Secret read-only and points {@code access.service-token-file} at the mounted file; dev makes the Secret itself
 * (a public value), prod commits none and lists it under "Secrets you create".
 */
class DeployServiceTokenTest {

    static final String SECRET = "podsearch-service-token";
    static final String FILE = "/etc/podsearch/service-token/token";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceMountsTheSameTokenSecretWhereItsConfigurationPoints(String overlay) {
        Manifests manifests = Manifests.render(Manifests.k8s(), overlay);
        ServiceDeployments services = new ServiceDeployments(manifests);
        List<String> problems = new ArrayList<>();
        Map<String, ServiceTokenChecks.Source> sources = new ServiceTokenChecks(manifests, services).sources(problems);
        assertTrue(problems.isEmpty(), overlay + ":" + CrossChecks.describe(problems));
        assertEquals(ServiceFacts.MODULES.keySet(), sources.keySet(), overlay);
        assertEquals(1, sources.values().stream().distinct().count(), overlay + ": " + sources);
        ServiceTokenChecks.Source source = sources.values().iterator().next();
        assertEquals("token", source.key());
        for (ObjectNode deployment : services.deployments()) {
            String id = overlay + ": " + Manifests.id(deployment);
            Map<String, String> config = services.configuration(deployment);
            assertEquals(FILE, config.get(ServiceTokenChecks.FILE_KEY), id);
            assertFalse(config.containsKey(ServiceTokenChecks.VALUE_KEY), id + " has the token in its environment");
            JsonNode mount = mountAt(deployment, "/etc/podsearch/service-token");
            assertTrue(mount.path("readOnly").asBoolean(), id + ": the token's mount is not read-only");
        }
        if (overlay.equals("dev")) { // kustomize's secretGenerator: the name carries a hash of the content
            assertTrue(source.secret().startsWith(SECRET + "-"), source.secret());
            String token = manifests
                    .find("Secret", source.secret())
                    .orElseThrow()
                    .at("/data/token")
                    .asText();
            assertFalse(
                    new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).isBlank(),
                    "dev's token is empty");
        } else {
            assertEquals(SECRET, source.secret());
            Set<String> created = new ReferenceChecks(manifests, DeployManifestsTest.README).secretsYouCreate();
            assertTrue(created.contains(SECRET), "deploy/README.md does not list " + SECRET + ": " + created);
        }
    }

    @Test
    void prodCommitsNoSecret() {
        Manifests prod = Manifests.render(Manifests.k8s(), "prod");
        assertEquals(List.of(), prod.ofKind("Secret").map(Manifests::id).toList(), "prod renders a committed Secret");
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "            - name: service-token\n"
                                        + "              mountPath: /etc/podsearch/service-token\n"
                                        + "              readOnly: true\n",
                                "",
                                "Deployment/query-service: access.service-token-file /etc/podsearch/service-token/token"
                                        + " is no file of a Secret mounted in the container"),
                        new Breakage(
                                "prod",
                                "base/index-service.yaml",
                                "  access.service-token-file: /etc/podsearch/service-token/token\n",
                                "",
                                "Deployment/index-service: no access.service-token-file"),
                        new Breakage(
                                "prod",
                                "base/alert-service.yaml",
                                "secretName: podsearch-service-token",
                                "secretName: podsearch-alert-token",
                                "the services read access.service-token-file from different Secrets"),
                        new Breakage(
                                "dev",
                                "base/ingest-service.yaml",
                                "                path: token",
                                "                path: service-token",
                                "Deployment/ingest-service: access.service-token-file"),
                        new Breakage(
                                "dev",
                                "overlays/dev/kustomization.yaml",
                                "- token=",
                                "- service-token=",
                                "has no key token (the service token)"),
                        new Breakage(
                                "prod",
                                "overlays/prod/services.yaml",
                                "  quarkus.http.cors.origins: https://podsearch.example.org\n",
                                "  quarkus.http.cors.origins: https://podsearch.example.org\n"
                                        + "  access.service-token: in-the-configmap\n",
                                "Deployment/query-service: sets access.service-token in its configuration"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void theChecksCatchATokenWiredWrong(Breakage breakage, @TempDir Path copy) throws IOException {
        DeployBreakagesTest.assertCaught(breakage, copy);
    }

    private static JsonNode mountAt(JsonNode deployment, String path) {
        for (JsonNode mount : ServiceDeployments.container(deployment).path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)) {
                return mount;
            }
        }
        throw new AssertionError(Manifests.id(deployment) + " mounts nothing at " + path);
    }
}
