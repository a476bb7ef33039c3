package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which of our services serve HTTPS in an overlay and with which cert-manager {@code Certificate}: the Secret mounted
 * where the TLS configuration of {@code quarkus.http.tls-configuration-name} reads its certificate is that
 * Certificate's {@code secretName}. For {@link TlsChecks} and {@link TlsRouteChecks}.
 */
final class ServiceCertificates {

    static final String HTTP_TLS = "quarkus.http.tls-configuration-name";
    static final String MANAGEMENT_TLS = "quarkus.management.tls-configuration-name";
    static final String PEERS_TLS = "peers.tls-configuration-name";

    private final Manifests manifests;
    private final ServiceDeployments services;

    ServiceCertificates(Manifests manifests, ServiceDeployments services) {
        this.manifests = manifests;
        this.services = services;
    }

    ServiceDeployments services() {
        return services;
    }

    Optional<ObjectNode> deployment(String service) {
        return services.deployments().stream()
                .filter(d -> Manifests.name(d).equals(service))
                .findFirst();
    }

    boolean servesTls(JsonNode deployment) {
        return services.configuration(deployment).containsKey(HTTP_TLS);
    }

    boolean managementTls(JsonNode deployment) {
        return services.configuration(deployment).containsKey(MANAGEMENT_TLS);
    }

    /** The files of a TLS configuration's key store ({@code quarkus.tls.<name>.key-store.pem.*.cert} and {@code .key}). */
    List<String> keyStoreFiles(JsonNode deployment, String configuration) {
        String prefix = "quarkus.tls." + configuration + ".key-store.pem.";
        List<String> files = new ArrayList<>();
        services.configuration(deployment).forEach((key, value) -> {
            if (key.startsWith(prefix) && (key.endsWith(".cert") || key.endsWith(".key"))) {
                files.add(value);
            }
        });
        return files;
    }

    /** The file of a TLS configuration's trust store ({@code quarkus.tls.<name>.trust-store.pem.certs}), if any. */
    Optional<String> trustFile(JsonNode deployment, String configuration) {
        return Optional.ofNullable(
                services.configuration(deployment).get("quarkus.tls." + configuration + ".trust-store.pem.certs"));
    }

    /** The Certificate whose Secret the service serves with, when it serves HTTPS from a mounted Secret. */
    Optional<ObjectNode> certificate(JsonNode deployment) {
        Map<String, String> config = services.configuration(deployment);
        return keyStoreFiles(deployment, config.getOrDefault(HTTP_TLS, "")).stream()
                .findFirst()
                .flatMap(file -> ServiceTokenChecks.source(deployment, file))
                .flatMap(source -> ofSecret(source.secret()));
    }

    /** The Certificate that makes a Secret. */
    Optional<ObjectNode> ofSecret(String secret) {
        return manifests
                .ofKind("Certificate")
                .filter(c -> c.at("/spec/secretName").asText().equals(secret))
                .findFirst();
    }

    /** Who signs a Certificate: its issuer's kind and name. */
    static String issuer(JsonNode certificate) {
        JsonNode ref = certificate.at("/spec/issuerRef");
        return ref.path("kind").asText("Issuer") + "/" + ref.path("name").asText();
    }

    static List<String> dnsNames(JsonNode certificate) {
        List<String> names = new ArrayList<>();
        certificate.at("/spec/dnsNames").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** The namespace the overlay puts a Deployment in ("default" without one). */
    static String namespace(JsonNode object) {
        return object.at("/metadata/namespace").asText("default");
    }
}
