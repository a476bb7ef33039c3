package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Every service container runs as non-root, read-only, without privilege escalation and with a memory limit. */
final class HardeningChecks {

    private final ServiceDeployments services;

    HardeningChecks(ServiceDeployments services) {
        this.services = services;
    }

    List<String> check() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : services.deployments()) {
            String id = Manifests.id(deployment);
            JsonNode pod = deployment.at("/spec/template/spec/securityContext");
            JsonNode container = ServiceDeployments.container(deployment).path("securityContext");
            if (!(pod.path("runAsNonRoot").asBoolean()
                    || container.path("runAsNonRoot").asBoolean())) {
                problems.add(id + ": runAsNonRoot is not set");
            }
            if (!container.path("readOnlyRootFilesystem").asBoolean()) {
                problems.add(id + ": readOnlyRootFilesystem is not true");
            }
            if (!container.path("allowPrivilegeEscalation").isBoolean()
                    || container.path("allowPrivilegeEscalation").asBoolean()) {
                problems.add(id + ": allowPrivilegeEscalation is not false");
            }
            if (ServiceDeployments.container(deployment)
                    .at("/resources/limits/memory")
                    .isMissingNode()) {
                problems.add(id + ": no memory limit");
            }
        }
        return problems;
    }
}
