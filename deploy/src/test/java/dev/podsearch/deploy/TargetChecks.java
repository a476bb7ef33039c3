package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What names another object finds it: an HPA's scale target exists, a ServiceMonitor selects Services by their labels
 * and scrapes a port they name, an Ingress backend is an existing Service and one of its ports.
 */
final class TargetChecks {

    private final Manifests manifests;

    TargetChecks(Manifests manifests) {
        this.manifests = manifests;
    }

    List<String> check() {
        List<String> problems = new ArrayList<>();
        manifests.ofKind("HorizontalPodAutoscaler").forEach(hpa -> {
            String target = hpa.at("/spec/scaleTargetRef/name").asText();
            if (manifests
                    .find(hpa.at("/spec/scaleTargetRef/kind").asText(), target)
                    .isEmpty()) {
                problems.add(Manifests.id(hpa) + ": scaleTargetRef " + target + " does not exist");
            }
        });
        manifests.ofKind("ServiceMonitor").forEach(monitor -> {
            Map<String, String> selector = SelectorChecks.labels(monitor.at("/spec/selector/matchLabels"));
            List<ObjectNode> selected = manifests
                    .ofKind("Service")
                    .filter(s -> SelectorChecks.matches(selector, SelectorChecks.labels(s.at("/metadata/labels"))))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(Manifests.id(monitor) + ": selector " + selector + " matches no Service's labels");
            }
            for (JsonNode endpoint : monitor.at("/spec/endpoints")) {
                String port = endpoint.path("port").asText();
                for (ObjectNode service : selected) {
                    boolean named = false;
                    for (JsonNode p : service.at("/spec/ports")) {
                        named |= port.equals(p.path("name").asText());
                    }
                    if (!named) {
                        problems.add(Manifests.id(monitor) + ": endpoint port '" + port + "' is no port name of "
                                + Manifests.id(service));
                    }
                }
            }
        });
        manifests.ofKind("Ingress").forEach(ingress -> {
            for (JsonNode backend : ingress.findValues("backend")) {
                String name = backend.at("/service/name").asText();
                Optional<ObjectNode> service = manifests.find("Service", name);
                if (service.isEmpty()) {
                    problems.add(Manifests.id(ingress) + ": backend Service " + name + " does not exist");
                    continue;
                }
                JsonNode port = backend.at("/service/port");
                boolean found = false;
                for (JsonNode p : service.get().at("/spec/ports")) {
                    found |= port.has("name")
                            ? port.path("name").asText().equals(p.path("name").asText())
                            : port.path("number").asInt() == p.path("port").asInt();
                }
                if (!found) {
                    problems.add(Manifests.id(ingress) + ": backend port " + port + " is no port of Service/" + name);
                }
            }
        });
        return problems;
    }
}
