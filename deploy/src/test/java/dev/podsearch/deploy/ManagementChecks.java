package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The management port (health, metrics, OpenAPI, Swagger UI) stays inside the cluster: ServiceMonitors scrape it, no
 * Ingress backend reaches it, no network policy lets the ingress controller at it; and a service that believes
 * {@code X-Forwarded-For} names the proxies it believes it from.
 */
final class ManagementChecks {

    /** The namespace of the ingress controller, as the network policies name it. */
    private static final String INGRESS_NAMESPACE = "ingress-nginx";

    private final Manifests manifests;
    private final ServiceDeployments services;

    ManagementChecks(Manifests manifests, ServiceDeployments services) {
        this.manifests = manifests;
        this.services = services;
    }

    List<String> check() {
        List<String> problems = new ArrayList<>();
        problems.addAll(scrapes());
        problems.addAll(ingressBackends());
        problems.addAll(networkPolicies());
        problems.addAll(trustedProxies());
        return problems;
    }

    /** Each ServiceMonitor endpoint of one of our services reaches its management port, where /q/metrics is. */
    private List<String> scrapes() {
        List<String> problems = new ArrayList<>();
        manifests.ofKind("ServiceMonitor").forEach(monitor -> {
            Map<String, String> selector = SelectorChecks.labels(monitor.at("/spec/selector/matchLabels"));
            manifests
                    .ofKind("Service")
                    .filter(s -> SelectorChecks.matches(selector, SelectorChecks.labels(s.at("/metadata/labels"))))
                    .forEach(service -> deployment(service).ifPresent(deployment -> {
                        int management = services.managementPort(deployment);
                        for (JsonNode endpoint : monitor.at("/spec/endpoints")) {
                            String port = endpoint.path("port").asText();
                            Integer reached = reaches(
                                    service,
                                    deployment,
                                    p -> port.equals(p.path("name").asText()));
                            if (reached == null || reached != management) {
                                problems.add(Manifests.id(monitor) + ": endpoint port '" + port + "' of "
                                        + Manifests.id(service) + " reaches port " + reached + ", not the management"
                                        + " port " + management + " where metrics are served");
                            }
                        }
                    }));
        });
        return problems;
    }

    /** No Ingress backend is a Service port that reaches a service's management port. */
    private List<String> ingressBackends() {
        List<String> problems = new ArrayList<>();
        manifests.ofKind("Ingress").forEach(ingress -> {
            for (JsonNode backend : ingress.findValues("backend")) {
                Optional<ObjectNode> service =
                        manifests.find("Service", backend.at("/service/name").asText());
                JsonNode port = backend.at("/service/port");
                service.ifPresent(s -> deployment(s).ifPresent(deployment -> {
                    Integer reached = reaches(
                            s,
                            deployment,
                            p -> port.has("name")
                                    ? port.path("name")
                                            .asText()
                                            .equals(p.path("name").asText())
                                    : port.path("number").asInt()
                                            == p.path("port").asInt());
                    int management = services.managementPort(deployment);
                    if (reached != null && reached == management) {
                        problems.add(Manifests.id(ingress) + ": backend " + Manifests.id(s) + " port " + port
                                + " reaches the management port " + management + " (health, metrics, API docs):"
                                + " route public ports only");
                    }
                }));
            }
        });
        return problems;
    }

    /** No ingress rule of a service's network policy admits the ingress controller to the management port. */
    private List<String> networkPolicies() {
        List<String> problems = new ArrayList<>();
        manifests.ofKind("NetworkPolicy").forEach(policy -> {
            String selected = policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name")
                    .asText();
            Optional<ObjectNode> deployment = manifests.find("Deployment", selected);
            if (deployment.isEmpty() || services.facts(selected) == null) {
                return;
            }
            int management = services.managementPort(deployment.get());
            for (JsonNode rule : policy.at("/spec/ingress")) {
                if (admitsIngressController(rule) && admitsPort(rule, management)) {
                    problems.add(Manifests.id(policy) + ": lets the ingress controller (namespace " + INGRESS_NAMESPACE
                            + ") reach the management port " + management);
                }
            }
        });
        return problems;
    }

    /** A service that takes the client's address from X-Forwarded-For believes it only from named proxies. */
    private List<String> trustedProxies() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : services.deployments()) {
            Map<String, String> config = services.configuration(deployment);
            if (!"true".equals(config.get("quarkus.http.proxy.proxy-address-forwarding"))) {
                continue;
            }
            String trusted = config.getOrDefault("quarkus.http.proxy.trusted-proxies", "")
                    .strip();
            if (trusted.isEmpty()) {
                problems.add(Manifests.id(deployment) + ": proxy-address-forwarding is on but"
                        + " quarkus.http.proxy.trusted-proxies is not set: every caller's X-Forwarded-For is believed");
            } else if (List.of(trusted.split("\\s*,\\s*")).stream()
                    .anyMatch(range -> range.equals("0.0.0.0/0") || range.equals("::/0"))) {
                problems.add(Manifests.id(deployment) + ": quarkus.http.proxy.trusted-proxies " + trusted
                        + " trusts every caller: name the ingress controller's range");
            }
        }
        return problems;
    }

    private static boolean admitsIngressController(JsonNode rule) {
        if (!rule.has("from") || rule.path("from").isEmpty()) {
            return true; // from anywhere
        }
        for (JsonNode peer : rule.path("from")) {
            if (INGRESS_NAMESPACE.equals(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                    .asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean admitsPort(JsonNode rule, int port) {
        if (!rule.has("ports") || rule.path("ports").isEmpty()) {
            return true; // every port
        }
        for (JsonNode p : rule.path("ports")) {
            if (p.path("port").asInt() == port
                    || ServiceDeployments.MANAGEMENT.equals(p.path("port").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The Deployment of one of our services that a Service selects (by its app.kubernetes.io/name). */
    private Optional<ObjectNode> deployment(JsonNode service) {
        String name = service.at("/spec/selector/app.kubernetes.io~1name").asText();
        return services.facts(name) == null ? Optional.empty() : manifests.find("Deployment", name);
    }

    /** The container port a Service's port (the first {@code matching} one) reaches on the Deployment's pods. */
    private static Integer reaches(
            JsonNode service, JsonNode deployment, java.util.function.Predicate<JsonNode> matching) {
        for (JsonNode p : service.at("/spec/ports")) {
            if (matching.test(p)) {
                JsonNode target = p.has("targetPort") ? p.path("targetPort") : p.path("port");
                return ServiceDeployments.resolve(
                        target, ServiceDeployments.ports(ServiceDeployments.container(deployment)));
            }
        }
        return null;
    }
}
