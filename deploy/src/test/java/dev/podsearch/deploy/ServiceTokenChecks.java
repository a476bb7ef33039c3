package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The services' shared token ({@code access.service-token-file}, docs/operations.md): every service reads it from a
 * file mounted from one and the same Secret, and none has the token itself in its configuration or environment
 * ({@code access.service-token}). Different Secrets, or a service without the token, would make ingest-service count
 * that service's key checks like a stranger's and refuse it the revocation list.
 */
final class ServiceTokenChecks {

    static final String FILE_KEY = "access.service-token-file";
    static final String VALUE_KEY = "access.service-token";

    /** A key of a Secret, as a file in a container. */
    record Source(String secret, String key) {}

    private final Manifests manifests;
    private final ServiceDeployments services;

    ServiceTokenChecks(Manifests manifests, ServiceDeployments services) {
        this.manifests = manifests;
        this.services = services;
    }

    List<String> check() {
        List<String> problems = new ArrayList<>();
        Map<String, Source> sources = sources(problems);
        if (sources.values().stream().distinct().count() > 1) {
            problems.add("the services read access.service-token-file from different Secrets: " + sources);
        }
        for (Source source : sources.values().stream().distinct().toList()) {
            manifests.find("Secret", source.secret()).ifPresent(secret -> {
                if (!secret.path("data").has(source.key())
                        && !secret.path("stringData").has(source.key())) {
                    problems.add(Manifests.id(secret) + ": has no key " + source.key() + " (the service token)");
                }
            });
        }
        return problems;
    }

    /** Where each service's token file comes from, by service; what is wrong on the way goes to {@code problems}. */
    Map<String, Source> sources(List<String> problems) {
        Map<String, Source> sources = new TreeMap<>();
        for (ObjectNode deployment : services.deployments()) {
            String id = Manifests.id(deployment);
            Map<String, String> config = services.configuration(deployment);
            if (config.containsKey(VALUE_KEY)) {
                problems.add(id + ": sets " + VALUE_KEY + " in its configuration or environment: mount the token as a"
                        + " file from a Secret and set " + FILE_KEY);
            }
            String file = config.get(FILE_KEY);
            if (file == null) {
                problems.add(id + ": no " + FILE_KEY + ": its key checks and revocation polls carry no service token");
                continue;
            }
            Optional<Source> source = source(deployment, file);
            if (source.isEmpty()) {
                problems.add(id + ": " + FILE_KEY + " " + file + " is no file of a Secret mounted in the container");
            } else {
                sources.put(Manifests.name(deployment), source.get());
            }
        }
        return sources;
    }

    /** The Secret key the container sees at {@code file}, if a Secret volume is mounted there. */
    static Optional<Source> source(JsonNode deployment, String file) {
        JsonNode volumes = deployment.at("/spec/template/spec/volumes");
        for (JsonNode mount : ServiceDeployments.container(deployment).path("volumeMounts")) {
            String path = mount.path("mountPath").asText();
            String relative;
            if (mount.has("subPath")) {
                relative = path.equals(file) ? mount.path("subPath").asText() : null;
            } else {
                relative = file.startsWith(path + "/") ? file.substring(path.length() + 1) : null;
            }
            if (relative == null) {
                continue;
            }
            for (JsonNode volume : volumes) {
                if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("secret")) {
                    return key(volume.path("secret"), relative)
                            .map(key ->
                                    new Source(volume.at("/secret/secretName").asText(), key));
                }
            }
        }
        return Optional.empty();
    }

    /** The key a Secret volume shows at {@code relative}: its item with that path, else (no items) the key itself. */
    private static Optional<String> key(JsonNode secretVolume, String relative) {
        if (!secretVolume.has("items")) {
            return relative.contains("/") ? Optional.empty() : Optional.of(relative);
        }
        for (JsonNode item : secretVolume.path("items")) {
            if (item.path("path").asText().equals(relative)) {
                return Optional.of(item.path("key").asText());
            }
        }
        return Optional.empty();
    }
}
