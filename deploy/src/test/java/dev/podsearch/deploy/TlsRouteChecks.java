package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TLS on the routes into the services: a ServiceMonitor scrapes with the scheme the service's management port speaks
 * and, over HTTPS, verifies its certificate (the CA of the Certificate that signed it, a name it carries); the Ingress
 * speaks HTTPS to a backend that serves it and verifies it with the internal CA for a name every such backend's
 * certificate carries.
 */
final class TlsRouteChecks {

    private static final String NGINX = "nginx.ingress.kubernetes.io/";

    private final Manifests manifests;
    private final ServiceCertificates tls;

    TlsRouteChecks(Manifests manifests, ServiceCertificates tls) {
        this.manifests = manifests;
        this.tls = tls;
    }

    List<String> check() {
        List<String> problems = new ArrayList<>();
        scrapes(problems);
        manifests.ofKind("Ingress").forEach(ingress -> ingress(ingress, problems));
        return problems;
    }

    private void scrapes(List<String> problems) {
        manifests.ofKind("ServiceMonitor").forEach(monitor -> tls.deployment(Manifests.name(monitor))
                .ifPresent(deployment -> {
                    boolean https = tls.managementTls(deployment);
                    Optional<JsonNode> certificate = tls.certificate(deployment).map(c -> c);
                    for (JsonNode endpoint : monitor.at("/spec/endpoints")) {
                        String scheme = endpoint.path("scheme").asText("http");
                        String id = Manifests.id(monitor);
                        if (!scheme.equals(https ? "https" : "http")) {
                            problems.add(id + ": scrapes with scheme " + scheme + " but the management port speaks "
                                    + (https ? "https" : "http"));
                        } else if (https && certificate.isPresent()) {
                            JsonNode tlsConfig = endpoint.path("tlsConfig");
                            verifies(
                                    id,
                                    tlsConfig.at("/ca/secret/name").asText(),
                                    tlsConfig.at("/ca/secret/key").asText(),
                                    certificate.get(),
                                    tlsConfig.path("serverName").asText(),
                                    problems);
                        }
                    }
                }));
    }

    private void ingress(JsonNode ingress, List<String> problems) {
        String id = Manifests.id(ingress);
        JsonNode annotations = ingress.at("/metadata/annotations");
        boolean https =
                annotations.path(NGINX + "backend-protocol").asText("HTTP").equals("HTTPS");
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                String service = path.at("/backend/service/name").asText();
                Optional<JsonNode> backend = tls.deployment(service).map(d -> d);
                if (backend.isEmpty()) {
                    continue;
                }
                boolean serves = tls.servesTls(backend.get());
                if (serves != https) {
                    problems.add(id + ": backend " + service + " serves " + (serves ? "HTTPS only" : "plain HTTP")
                            + " but backend-protocol is " + (https ? "HTTPS" : "HTTP"));
                    continue;
                }
                if (!serves) {
                    continue;
                }
                if (!annotations.path(NGINX + "proxy-ssl-verify").asText().equals("on")) {
                    problems.add(id + ": the ingress controller does not verify " + service + "'s certificate"
                            + " (proxy-ssl-verify is not \"on\")");
                    continue;
                }
                String secret = annotations.path(NGINX + "proxy-ssl-secret").asText();
                String namespace = ServiceCertificates.namespace(ingress);
                Optional<JsonNode> certificate = tls.certificate(backend.get()).map(c -> c);
                if (!secret.startsWith(namespace + "/")) {
                    problems.add(id + ": proxy-ssl-secret '" + secret + "' is not in the namespace " + namespace);
                } else if (certificate.isPresent()) {
                    verifies(
                            id,
                            secret.substring(namespace.length() + 1),
                            "ca.crt",
                            certificate.get(),
                            annotations.path(NGINX + "proxy-ssl-name").asText(),
                            problems);
                }
            }
        }
    }

    /** A verifier reading {@code key} of {@code secret}, for {@code name}, accepts {@code certificate}. */
    private void verifies(
            String id, String secret, String key, JsonNode certificate, String name, List<String> problems) {
        String issuer = ServiceCertificates.issuer(certificate);
        boolean sameCa = key.equals("ca.crt")
                && tls.ofSecret(secret)
                        .filter(c -> ServiceCertificates.issuer(c).equals(issuer))
                        .isPresent();
        if (!sameCa) {
            problems.add(id + ": verifies with " + key + " of Secret " + secret + ", not the CA of " + issuer
                    + " that signed " + Manifests.id(certificate));
        }
        if (!ServiceCertificates.dnsNames(certificate).contains(name)) {
            problems.add(id + ": verifies the name '" + name + "', which " + Manifests.id(certificate)
                    + " does not carry " + ServiceCertificates.dnsNames(certificate));
        }
    }
}
