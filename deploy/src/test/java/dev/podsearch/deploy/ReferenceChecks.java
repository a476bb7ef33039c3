package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every ConfigMap, Secret, PersistentVolumeClaim and volume a Deployment, an operator's resource or an Ingress refers to
 * exists: in the overlay, made by an operator, or listed in deploy/README.md under "Secrets you create".
 */
final class ReferenceChecks {

    private final Manifests manifests;
    private final Path readme;

    ReferenceChecks(Manifests manifests, Path readme) {
        this.manifests = manifests;
        this.readme = readme;
    }

    List<String> check() {
        List<String> problems = new ArrayList<>();
        Set<String> secrets = availableSecrets();
        for (ObjectNode deployment : manifests.ofKind("Deployment").toList()) {
            String id = Manifests.id(deployment);
            JsonNode pod = deployment.at("/spec/template/spec");
            for (JsonNode ref : pod.findValues("configMapRef")) {
                requireConfigMap(id, ref.path("name").asText(), problems);
            }
            for (JsonNode ref : pod.findValues("configMapKeyRef")) {
                requireConfigMap(id, ref.path("name").asText(), problems);
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("configMap")) {
                    requireConfigMap(id, volume.at("/configMap/name").asText(), problems);
                }
                if (volume.has("secret")) {
                    requireSecret(id, volume.at("/secret/secretName").asText(), secrets, problems);
                }
                if (volume.has("persistentVolumeClaim")) {
                    String claim = volume.at("/persistentVolumeClaim/claimName").asText();
                    if (manifests.find("PersistentVolumeClaim", claim).isEmpty()) {
                        problems.add(id + ": PersistentVolumeClaim " + claim + " does not exist in the overlay");
                    }
                }
            }
            for (JsonNode ref : pod.findValues("secretKeyRef")) {
                requireSecret(id, ref.path("name").asText(), secrets, problems);
            }
            for (JsonNode ref : pod.findValues("secretRef")) {
                requireSecret(id, ref.path("name").asText(), secrets, problems);
            }
            for (JsonNode mount : ServiceDeployments.container(deployment).path("volumeMounts")) {
                boolean declared = false;
                for (JsonNode volume : pod.path("volumes")) {
                    declared |= volume.path("name")
                            .asText()
                            .equals(mount.path("name").asText());
                }
                if (!declared) {
                    problems.add(id + ": volumeMount " + mount.path("name").asText() + " has no volume");
                }
            }
        }
        manifests.ofKind("OpenSearchCluster").forEach(cluster -> {
            for (String field :
                    List.of("secret", "caSecret", "adminCredentialsSecret", "securityConfigSecret", "adminSecret")) {
                for (JsonNode ref : cluster.at("/spec/security").findValues(field)) {
                    requireSecret(Manifests.id(cluster), ref.path("name").asText(), secrets, problems);
                }
            }
        });
        manifests.ofKind("Cluster").forEach(cluster -> {
            for (JsonNode credential : cluster.at("/spec/backup/barmanObjectStore/s3Credentials")) {
                requireSecret(Manifests.id(cluster), credential.path("name").asText(), secrets, problems);
            }
        });
        manifests.ofKind("Ingress").forEach(ingress -> {
            for (JsonNode tls : ingress.at("/spec/tls")) {
                requireSecret(Manifests.id(ingress), tls.path("secretName").asText(), secrets, problems);
            }
        });
        return problems;
    }

    private void requireConfigMap(String id, String name, List<String> problems) {
        if (manifests.find("ConfigMap", name).isEmpty()) {
            problems.add(id + ": ConfigMap " + name + " does not exist in the overlay");
        }
    }

    private static void requireSecret(String id, String name, Set<String> secrets, List<String> problems) {
        if (!secrets.contains(name)) {
            problems.add(id + ": Secret " + name + " is neither in the overlay, nor made by an operator, nor listed in"
                    + " deploy/README.md under \"Secrets you create\"");
        }
    }

    /** Secrets that will exist: the overlay's, the operators' (from the resources that make them), the README's. */
    private Set<String> availableSecrets() {
        Set<String> secrets = new TreeSet<>();
        manifests.ofKind("Secret").forEach(s -> secrets.add(Manifests.name(s)));
        manifests.ofKind("Cluster").forEach(c -> secrets.add(Manifests.name(c) + "-app"));
        manifests.ofKind("Kafka").forEach(k -> secrets.add(Manifests.name(k) + "-cluster-ca-cert"));
        manifests.ofKind("KafkaUser").forEach(u -> secrets.add(Manifests.name(u))); // Strimzi's User Operator
        manifests
                .ofKind("Certificate")
                .forEach(c -> secrets.add(c.at("/spec/secretName").asText())); // cert-manager
        manifests.ofKind("Ingress").forEach(ingress -> {
            JsonNode annotations = ingress.at("/metadata/annotations");
            if (annotations.has("cert-manager.io/cluster-issuer") || annotations.has("cert-manager.io/issuer")) {
                ingress.at("/spec/tls")
                        .forEach(tls -> secrets.add(tls.path("secretName").asText()));
            }
        });
        secrets.addAll(secretsYouCreate());
        return secrets;
    }

    /** The names in the table under "Secrets you create" in deploy/README.md (first column, in backticks). */
    Set<String> secretsYouCreate() {
        String text;
        try {
            text = Files.readString(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = text.indexOf("## Secrets you create");
        if (start < 0) {
            return Set.of();
        }
        int end = text.indexOf("\n## ", start + 3);
        String section = text.substring(start, end < 0 ? text.length() : end);
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)`").matcher(section);
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }
}
