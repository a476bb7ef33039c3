package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Each service's Deployment against what the service itself declares: every ConfigMap key (and env name) is a property
 * it reads ({@link ServiceFacts}), the container declares the ports it listens on (the management one named
 * {@code management}), and its probes ask the management port (where health is served) for its own health endpoints.
 */
final class ConfigChecks {

    private final ServiceDeployments services;

    ConfigChecks(ServiceDeployments services) {
        this.services = services;
    }

    List<String> configMapKeys() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : services.deployments()) {
            ServiceFacts facts = services.facts(deployment);
            for (String key : services.configuration(deployment).keySet()) {
                boolean propertyLike = key.contains(".");
                if (propertyLike && !facts.reads(key)) {
                    problems.add(Manifests.id(deployment) + ": configuration key '" + key + "' is not a property "
                            + facts.name() + " reads");
                } else if (!propertyLike && !key.equals("JAVA_OPTS_APPEND")) {
                    problems.add(Manifests.id(deployment) + ": '" + key + "' is not a Quarkus property name");
                }
            }
        }
        return problems;
    }

    List<String> portsAndProbes() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : services.deployments()) {
            String id = Manifests.id(deployment);
            ServiceFacts facts = services.facts(deployment);
            int port = services.port(deployment);
            JsonNode container = ServiceDeployments.container(deployment);
            Map<String, Integer> ports = ServiceDeployments.ports(container);
            if (!ports.containsValue(port)) {
                problems.add(id + ": the service listens on " + port + " but the container declares ports " + ports);
            }
            // health is served on the management port only, when the service has one
            int healthPort = port;
            if (facts.managementEnabled()) {
                healthPort = services.managementPort(deployment);
                Integer named = ports.get(ServiceDeployments.MANAGEMENT);
                if (named == null || named != healthPort) {
                    problems.add(id + ": the management interface listens on " + healthPort + " but the container's"
                            + " port '" + ServiceDeployments.MANAGEMENT + "' is " + named + " (ports " + ports + ")");
                }
            }
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode get = container.path(probe).path("httpGet");
                if (get.isMissingNode()) {
                    problems.add(id + ": no " + probe + " (httpGet)");
                    continue;
                }
                String path = get.path("path").asText();
                if (!facts.healthPaths().contains(path)) {
                    problems.add(id + ": " + probe + " path " + path + " is not one of the service's health endpoints "
                            + new TreeSet<>(facts.healthPaths()));
                }
                Integer probePort = ServiceDeployments.resolve(get.path("port"), ports);
                if (probePort == null || probePort != healthPort) {
                    problems.add(id + ": " + probe + " port " + get.path("port").asText() + " is not the service's "
                            + (healthPort == port ? "port " : "management port ") + healthPort);
                }
            }
        }
        return problems;
    }
}
