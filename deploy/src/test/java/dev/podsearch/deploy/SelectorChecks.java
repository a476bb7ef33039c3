package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Selectors match pods: a Deployment's its own pod template, and every Service, PodDisruptionBudget and NetworkPolicy
 * (with its peers) some pod the overlay makes, ours from pod templates or the operators' by the labels they give their
 * pods; a Service's target ports are ports of the pods it selects.
 */
final class SelectorChecks {

    private final Manifests manifests;

    SelectorChecks(Manifests manifests) {
        this.manifests = manifests;
    }

    List<String> check() {
        List<String> problems = new ArrayList<>();
        manifests.ofKind("Deployment").forEach(d -> {
            if (!matches(labels(d.at("/spec/selector/matchLabels")), labels(d.at("/spec/template/metadata/labels")))) {
                problems.add(Manifests.id(d) + ": spec.selector does not match its own pod template's labels");
            }
        });
        manifests.ofKind("Service").forEach(service -> {
            List<String> selected = podsMatching(service.at("/spec/selector"));
            if (selected.isEmpty()) {
                problems.add(Manifests.id(service) + ": selector " + labels(service.at("/spec/selector"))
                        + " matches no pod");
            }
            for (JsonNode port : service.at("/spec/ports")) {
                JsonNode target = port.path("targetPort");
                boolean found = selected.stream()
                        .flatMap(pod -> manifests.find("Deployment", pod.substring("Deployment/".length())).stream())
                        .anyMatch(d -> ServiceDeployments.resolve(
                                        target.isMissingNode() ? port.path("port") : target,
                                        ServiceDeployments.ports(ServiceDeployments.container(d)))
                                != null);
                if (!selected.isEmpty() && !found) {
                    problems.add(Manifests.id(service) + ": targetPort " + target.asText() + " is no port of the pods "
                            + selected);
                }
            }
        });
        manifests.ofKind("PodDisruptionBudget").forEach(pdb -> {
            if (podsMatching(pdb.at("/spec/selector/matchLabels")).isEmpty()) {
                problems.add(Manifests.id(pdb) + ": selector matches no pod");
            }
        });
        manifests.ofKind("NetworkPolicy").forEach(policy -> {
            JsonNode podSelector = policy.at("/spec/podSelector/matchLabels");
            if (!podSelector.isMissingNode() && podsMatching(podSelector).isEmpty()) {
                problems.add(Manifests.id(policy) + ": podSelector " + labels(podSelector) + " matches no pod");
            }
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : policy.at("/spec/" + direction)) {
                    for (JsonNode peer : rule.path(direction.equals("ingress") ? "from" : "to")) {
                        JsonNode peerPods = peer.path("podSelector").path("matchLabels");
                        if (!peerPods.isMissingNode()
                                && !peer.has("namespaceSelector")
                                && podsMatching(peerPods).isEmpty()) {
                            problems.add(Manifests.id(policy) + ": " + direction + " peer " + labels(peerPods)
                                    + " matches no pod");
                        }
                    }
                }
            }
        });
        return problems;
    }

    /** Every pod the overlay makes, as its labels: ours from pod templates, the operators' from their resources. */
    private Map<String, Map<String, String>> pods() {
        Map<String, Map<String, String>> pods = new LinkedHashMap<>();
        manifests
                .ofKind("Deployment")
                .forEach(d -> pods.put(Manifests.id(d), labels(d.at("/spec/template/metadata/labels"))));
        manifests
                .ofKind("Cluster")
                .forEach(c -> pods.put(Manifests.id(c) + " pods", Map.of("cnpg.io/cluster", Manifests.name(c))));
        manifests
                .ofKind("Kafka")
                .forEach(k -> pods.put(
                        Manifests.id(k) + " pods",
                        Map.of("strimzi.io/cluster", Manifests.name(k), "strimzi.io/kind", "Kafka")));
        manifests
                .ofKind("OpenSearchCluster")
                .forEach(o ->
                        pods.put(Manifests.id(o) + " pods", Map.of("opster.io/opensearch-cluster", Manifests.name(o))));
        return pods;
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private List<String> podsMatching(JsonNode matchLabels) {
        Map<String, String> selector = labels(matchLabels);
        return pods().entrySet().stream()
                .filter(pod -> matches(selector, pod.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
