package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TLS between the services (deploy/README.md): a service that serves HTTPS serves nothing in plain HTTP, with a
 * certificate from a mounted (read-only) cert-manager Secret naming every form of its Service's name, and its probes
 * ask with the scheme its management port speaks; every call to another service of ours ({@code access.verify-url},
 * {@code alerts.query-url}) uses that service's scheme and, over HTTPS, trusts the CA that signed its certificate.
 * The scrapes and the Ingress: {@link TlsRouteChecks}.
 */
final class TlsChecks {

    /** The settings that name another service of ours, comma-separated URLs. */
    static final List<String> PEER_URLS = List.of("access.verify-url", "alerts.query-url");

    private final ServiceCertificates tls;

    TlsChecks(ServiceCertificates tls) {
        this.tls = tls;
    }

    List<String> check() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : tls.services().deployments()) {
            serving(deployment, problems);
            probes(deployment, problems);
            calls(deployment, problems);
        }
        return problems;
    }

    private void serving(ObjectNode deployment, List<String> problems) {
        if (!tls.servesTls(deployment)) {
            return;
        }
        String id = Manifests.id(deployment);
        Map<String, String> config = tls.services().configuration(deployment);
        if (!"disabled".equals(config.get("quarkus.http.insecure-requests"))) {
            problems.add(id + ": serves HTTPS but quarkus.http.insecure-requests is not 'disabled': plain HTTP too");
        }
        String name = config.get(ServiceCertificates.HTTP_TLS);
        List<String> files = tls.keyStoreFiles(deployment, name);
        if (files.isEmpty()) {
            problems.add(id + ": quarkus.tls." + name + " has no key-store.pem.*.cert and .key");
        }
        for (String file : files) {
            if (ServiceTokenChecks.source(deployment, file).isEmpty()) {
                problems.add(id + ": " + file + " (quarkus.tls." + name + ") is no file of a Secret mounted in the"
                        + " container");
            }
        }
        for (JsonNode mount : ServiceDeployments.container(deployment).path("volumeMounts")) {
            if (files.stream()
                            .anyMatch(f -> f.startsWith(mount.path("mountPath").asText() + "/"))
                    && !mount.path("readOnly").asBoolean()) {
                problems.add(id + ": its certificate's mount "
                        + mount.path("mountPath").asText() + " is not read-only");
            }
        }
        Optional<ObjectNode> certificate = tls.certificate(deployment);
        if (certificate.isEmpty()) {
            problems.add(id + ": serves HTTPS from a Secret no cert-manager Certificate of the overlay makes");
            return;
        }
        String service = Manifests.name(deployment);
        String namespace = ServiceCertificates.namespace(deployment);
        List<String> names = ServiceCertificates.dnsNames(certificate.get());
        for (String expected : List.of(
                service,
                service + "." + namespace,
                service + "." + namespace + ".svc",
                service + "." + namespace + ".svc.cluster.local")) {
            if (!names.contains(expected)) {
                problems.add(Manifests.id(certificate.get()) + ": dnsNames " + names + " lack " + expected);
            }
        }
    }

    private void probes(ObjectNode deployment, List<String> problems) {
        String scheme = tls.managementTls(deployment) ? "HTTPS" : "HTTP";
        JsonNode container = ServiceDeployments.container(deployment);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String asked = container.path(probe).path("httpGet").path("scheme").asText("HTTP");
            if (!asked.equals(scheme)) {
                problems.add(Manifests.id(deployment) + ": " + probe + " asks with scheme " + asked + " but the"
                        + " management port speaks " + scheme);
            }
        }
    }

    private void calls(ObjectNode deployment, List<String> problems) {
        String id = Manifests.id(deployment);
        Map<String, String> config = tls.services().configuration(deployment);
        for (String key : PEER_URLS) {
            for (String url : config.getOrDefault(key, "").split(",")) {
                if (url.isBlank()) {
                    continue;
                }
                URI uri = URI.create(url.strip());
                String host = uri.getHost() == null ? "" : uri.getHost();
                Optional<ObjectNode> target = tls.deployment(host.split("\\.")[0]);
                if (target.isEmpty()) {
                    continue;
                }
                boolean https = tls.servesTls(target.get());
                if (!uri.getScheme().equals(https ? "https" : "http")) {
                    problems.add(id + ": " + key + " " + url + " but " + Manifests.name(target.get()) + " serves "
                            + (https ? "HTTPS only" : "plain HTTP"));
                } else if (https) {
                    trusts(deployment, key, host, target.get(), problems);
                }
            }
        }
    }

    /** Over HTTPS the caller trusts the CA that signed the target's certificate, for the name it calls. */
    private void trusts(ObjectNode caller, String key, String host, ObjectNode target, List<String> problems) {
        String id = Manifests.id(caller);
        Optional<ObjectNode> certificate = tls.certificate(target);
        if (certificate.isEmpty()) {
            return; // reported for the target
        }
        if (!ServiceCertificates.dnsNames(certificate.get()).contains(host)) {
            problems.add(id + ": " + key + " calls " + host + ", a name " + Manifests.id(certificate.get())
                    + " does not carry");
        }
        String peers = tls.services().configuration(caller).get(ServiceCertificates.PEERS_TLS);
        Optional<ServiceTokenChecks.Source> trust = Optional.ofNullable(peers)
                .flatMap(name -> tls.trustFile(caller, name))
                .flatMap(file -> ServiceTokenChecks.source(caller, file));
        String issuer = ServiceCertificates.issuer(certificate.get());
        boolean trusted = trust.filter(source -> source.key().equals("ca.crt"))
                .flatMap(source -> tls.ofSecret(source.secret()))
                .filter(c -> ServiceCertificates.issuer(c).equals(issuer))
                .isPresent();
        if (!trusted) {
            problems.add(id + ": " + key + " calls " + host + " over HTTPS but " + ServiceCertificates.PEERS_TLS
                    + " (" + peers + ") trusts no ca.crt of a Certificate from " + issuer + " mounted in the"
                    + " container");
        }
    }
}
