package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Deployments of an overlay that run our services, with what each service declares about itself
 * ({@link ServiceFacts}) and the configuration the overlay gives its container.
 */
final class ServiceDeployments {

    /** The name of a service's management port, on its container and its Service (probes and scrapes use it). */
    static final String MANAGEMENT = "management";

    private final Manifests manifests;

    /** The services' declared facts, by service name. */
    private final Map<String, ServiceFacts> facts = new HashMap<>();

    ServiceDeployments(Manifests manifests) {
        this.manifests = manifests;
        for (String service : ServiceFacts.MODULES.keySet()) {
            facts.put(service, ServiceFacts.of(service));
        }
    }

    /** The Deployments that run one of our services (container named after the service). */
    List<ObjectNode> deployments() {
        return manifests
                .ofKind("Deployment")
                .filter(d -> facts.containsKey(Manifests.name(d)))
                .toList();
    }

    /** What the service a Deployment runs says about itself. */
    ServiceFacts facts(JsonNode deployment) {
        return facts.get(Manifests.name(deployment));
    }

    /** What a service says about itself, by name. */
    ServiceFacts facts(String service) {
        return facts.get(service);
    }

    /** The container named after the Deployment (the first one when none is). */
    static JsonNode container(JsonNode deployment) {
        for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
            if (container.path("name").asText().equals(Manifests.name(deployment))) {
                return container;
            }
        }
        return deployment.at("/spec/template/spec/containers/0");
    }

    /** The configuration a service's container gets: its ConfigMaps' entries and its literal env entries. */
    Map<String, String> configuration(JsonNode deployment) {
        Map<String, String> config = new LinkedHashMap<>();
        JsonNode container = container(deployment);
        for (JsonNode from : container.path("envFrom")) {
            String name = from.path("configMapRef").path("name").asText(null);
            if (name != null) {
                manifests.find("ConfigMap", name).ifPresent(map -> map.path("data")
                        .properties()
                        .forEach(e -> config.put(e.getKey(), e.getValue().asText())));
            }
        }
        for (JsonNode env : container.path("env")) {
            config.put(
                    env.path("name").asText(),
                    env.has("value") ? env.path("value").asText() : "(from a reference)");
        }
        return config;
    }

    /**
     * The port the service listens on: its configuration's {@code quarkus.http.port}, else its default; with plain HTTP
     * off ({@code quarkus.http.insecure-requests: disabled}) its HTTPS port, {@code quarkus.http.ssl-port} (8443 unset).
     */
    int port(JsonNode deployment) {
        Map<String, String> config = configuration(deployment);
        if ("disabled".equals(config.get("quarkus.http.insecure-requests"))) {
            return Integer.parseInt(config.getOrDefault("quarkus.http.ssl-port", "8443"));
        }
        String port = config.get("quarkus.http.port");
        return port != null ? Integer.parseInt(port) : facts(deployment).defaultPort();
    }

    /** The port of its management interface: its configuration's {@code quarkus.management.port}, else its default. */
    int managementPort(JsonNode deployment) {
        String port = configuration(deployment).get("quarkus.management.port");
        return port != null ? Integer.parseInt(port) : facts(deployment).defaultManagementPort();
    }

    /** A container's ports by name (by number where unnamed). */
    static Map<String, Integer> ports(JsonNode container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode port : container.path("ports")) {
            ports.put(
                    port.path("name")
                            .asText(String.valueOf(port.path("containerPort").asInt())),
                    port.path("containerPort").asInt());
        }
        return ports;
    }

    /** A probe's or a Service's port (number or name) as one of {@code ports}, or null when it is none of them. */
    static Integer resolve(JsonNode port, Map<String, Integer> ports) {
        if (port.isInt()) {
            return ports.containsValue(port.asInt()) ? port.asInt() : null;
        }
        return ports.get(port.asText());
    }
}
