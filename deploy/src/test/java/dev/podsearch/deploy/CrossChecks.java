package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that catch the mistakes a schema cannot: manifests that are each valid but do not fit together, or do not
 * fit the services' code. Each check returns its problems; an empty list means the overlay passed.
 */
final class CrossChecks {

    private final Manifests manifests;
    private final Path readme;
    private final Map<String, ServiceFacts> services = new HashMap<>();

    CrossChecks(Manifests manifests, Path readme) {
        this.manifests = manifests;
        this.readme = readme;
        for (String service : ServiceFacts.MODULES.keySet()) {
            services.put(service, ServiceFacts.of(service));
        }
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        problems.addAll(configMapKeys());
        problems.addAll(portsAndProbes());
        problems.addAll(selectors());
        problems.addAll(topics());
        problems.addAll(topicSizes());
        problems.addAll(references());
        problems.addAll(endpoints());
        problems.addAll(hardening());
        return problems;
    }

    // ------------------------------------------------------------------------------------------ the services' pods

    /** The Deployments that run one of our services (container named after the service). */
    List<ObjectNode> serviceDeployments() {
        return manifests
                .ofKind("Deployment")
                .filter(d -> services.containsKey(Manifests.name(d)))
                .toList();
    }

    private static JsonNode container(JsonNode deployment) {
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

    private int effectivePort(JsonNode deployment) {
        String port = configuration(deployment).get("quarkus.http.port");
        return port != null
                ? Integer.parseInt(port)
                : services.get(Manifests.name(deployment)).defaultPort();
    }

    List<String> configMapKeys() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : serviceDeployments()) {
            ServiceFacts facts = services.get(Manifests.name(deployment));
            for (String key : configuration(deployment).keySet()) {
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

    // ----------------------------------------------------------------------------------------- ports and probes

    List<String> portsAndProbes() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : serviceDeployments()) {
            String id = Manifests.id(deployment);
            ServiceFacts facts = services.get(Manifests.name(deployment));
            int port = effectivePort(deployment);
            JsonNode container = container(deployment);
            Map<String, Integer> ports = containerPorts(container);
            if (!ports.containsValue(port)) {
                problems.add(id + ": the service listens on " + port + " but the container declares ports " + ports);
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
                Integer probePort = resolve(get.path("port"), ports);
                if (probePort == null || probePort != port) {
                    problems.add(id + ": " + probe + " port " + get.path("port").asText()
                            + " is not the service's port " + port);
                }
            }
        }
        return problems;
    }

    private static Map<String, Integer> containerPorts(JsonNode container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode port : container.path("ports")) {
            ports.put(
                    port.path("name")
                            .asText(String.valueOf(port.path("containerPort").asInt())),
                    port.path("containerPort").asInt());
        }
        return ports;
    }

    private static Integer resolve(JsonNode port, Map<String, Integer> ports) {
        if (port.isInt()) {
            return ports.containsValue(port.asInt()) ? port.asInt() : null;
        }
        return ports.get(port.asText());
    }

    // ---------------------------------------------------------------------------------------------- selectors

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

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private List<String> podsMatching(JsonNode matchLabels) {
        Map<String, String> selector = labels(matchLabels);
        return pods().entrySet().stream()
                .filter(pod -> matches(selector, pod.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    List<String> selectors() {
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
                        .anyMatch(d -> resolve(
                                        target.isMissingNode() ? port.path("port") : target,
                                        containerPorts(container(d)))
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
        manifests.ofKind("HorizontalPodAutoscaler").forEach(hpa -> {
            String target = hpa.at("/spec/scaleTargetRef/name").asText();
            if (manifests
                    .find(hpa.at("/spec/scaleTargetRef/kind").asText(), target)
                    .isEmpty()) {
                problems.add(Manifests.id(hpa) + ": scaleTargetRef " + target + " does not exist");
            }
        });
        manifests.ofKind("ServiceMonitor").forEach(monitor -> {
            Map<String, String> selector = labels(monitor.at("/spec/selector/matchLabels"));
            List<ObjectNode> selected = manifests
                    .ofKind("Service")
                    .filter(s -> matches(selector, labels(s.at("/metadata/labels"))))
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

    // ------------------------------------------------------------------------------------------------- topics

    /** The services that create the contract's topics (their code includes transcript-events) against the topics. */
    List<String> topicSizes() {
        List<ObjectNode> creators = serviceDeployments().stream()
                .filter(d -> ServiceFacts.MODULES.get(Manifests.name(d)).contains("transcript-events"))
                .toList();
        return new TopicChecks(manifests, this::configuration).check(creators, services::get);
    }

    List<String> topics() {
        List<String> problems = new ArrayList<>();
        Map<String, ObjectNode> byTopic = new HashMap<>();
        manifests.ofKind("KafkaTopic").forEach(topic -> {
            String name = topic.at("/spec/topicName").asText(Manifests.name(topic));
            byTopic.put(name, topic);
            String cluster = topic.at("/metadata/labels/strimzi.io~1cluster").asText();
            Optional<ObjectNode> kafka = manifests.find("Kafka", cluster);
            if (kafka.isEmpty()) {
                problems.add(Manifests.id(topic) + ": label strimzi.io/cluster '" + cluster + "' names no Kafka");
                return;
            }
            int brokers = brokers(cluster);
            int replicas = topic.at("/spec/replicas").asInt();
            if (replicas > brokers) {
                problems.add(Manifests.id(topic) + ": " + replicas + " replicas but " + cluster + " has " + brokers
                        + " brokers");
            }
            int minIsr = topic.at("/spec/config/min.insync.replicas").asInt(1);
            if (minIsr > replicas || (replicas > 1 && minIsr >= replicas)) {
                problems.add(Manifests.id(topic) + ": min.insync.replicas " + minIsr + " with " + replicas
                        + " replicas stops writes when one broker is down");
            }
        });
        for (String topic : List.of(Topics.TRANSCRIPTS, Topics.TRANSCRIPTS_DLQ, Topics.TRANSCRIPTS_INDEXED)) {
            if (!byTopic.containsKey(topic)) {
                problems.add("KafkaTopic for " + topic + ": missing (the services use it)");
            }
        }
        for (String topic : List.of(Topics.TRANSCRIPTS, Topics.TRANSCRIPTS_DLQ)) {
            ObjectNode node = byTopic.get(topic);
            if (node != null && node.at("/spec/config/max.message.bytes").asLong(0) < TopicSetup.MAX_MESSAGE_BYTES) {
                problems.add(Manifests.id(node) + ": max.message.bytes "
                        + node.at("/spec/config/max.message.bytes").asText("(broker default)")
                        + " is below the " + TopicSetup.MAX_MESSAGE_BYTES + " bytes a transcript event may have");
            }
        }
        manifests.ofKind("Kafka").forEach(kafka -> {
            for (String setting : List.of("message.max.bytes", "replica.fetch.max.bytes")) {
                if (kafka.at("/spec/kafka/config/" + setting).asLong(0) < TopicSetup.MAX_MESSAGE_BYTES) {
                    problems.add(Manifests.id(kafka) + ": " + setting + " is below " + TopicSetup.MAX_MESSAGE_BYTES);
                }
            }
        });
        ObjectNode transcripts = byTopic.get(Topics.TRANSCRIPTS);
        manifests.find("Deployment", "index-service").ifPresent(index -> {
            int replicas = index.at("/spec/replicas").asInt(1);
            if (transcripts != null && transcripts.at("/spec/partitions").asInt() < replicas) {
                problems.add("Deployment/index-service: " + replicas + " replicas but " + Topics.TRANSCRIPTS + " has "
                        + transcripts.at("/spec/partitions").asInt() + " partitions (replicas beyond that stay idle)");
            }
        });
        return problems;
    }

    private int brokers(String cluster) {
        return manifests
                .ofKind("KafkaNodePool")
                .filter(pool -> cluster.equals(
                        pool.at("/metadata/labels/strimzi.io~1cluster").asText()))
                .filter(pool -> pool.at("/spec/roles").toString().contains("broker"))
                .mapToInt(pool -> pool.at("/spec/replicas").asInt())
                .sum();
    }

    // --------------------------------------------------------------------------------------------- references

    List<String> references() {
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
            for (JsonNode mount : container(deployment).path("volumeMounts")) {
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

    // ---------------------------------------------------------------------------------------------- endpoints

    /** The services' addresses of Kafka, OpenSearch and PostgreSQL name what the overlay runs, as it runs it. */
    List<String> endpoints() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : serviceDeployments()) {
            String id = Manifests.id(deployment);
            Map<String, String> config = configuration(deployment);
            String bootstrap = config.get("kafka.bootstrap.servers");
            if (bootstrap != null) {
                Set<String> valid = new TreeSet<>();
                manifests.ofKind("Kafka").forEach(kafka -> kafka.at("/spec/kafka/listeners")
                        .forEach(listener -> valid.add(Manifests.name(kafka) + "-kafka-bootstrap:"
                                + listener.path("port").asInt())));
                for (String server : bootstrap.split(",")) {
                    if (!valid.contains(server.strip())) {
                        problems.add(id + ": kafka.bootstrap.servers " + server + " is not a listener of the overlay's"
                                + " Kafka " + valid);
                    }
                }
            }
            String hosts = config.get("opensearch.hosts");
            if (hosts != null) {
                for (String url : hosts.split(",")) {
                    problems.addAll(openSearchHost(id, URI.create(url.strip()), config, deployment));
                }
            }
            String jdbc = config.get("quarkus.datasource.jdbc.url");
            if (jdbc != null) {
                URI uri = URI.create(jdbc.substring("jdbc:".length()));
                String database = uri.getPath().substring(1);
                boolean found = manifests
                        .ofKind("Cluster")
                        .anyMatch(c -> uri.getHost().equals(Manifests.name(c) + "-rw")
                                && database.equals(
                                        c.at("/spec/bootstrap/initdb/database").asText()));
                if (!found) {
                    problems.add(id + ": quarkus.datasource.jdbc.url " + jdbc + " is not the primary (<cluster>-rw) and"
                            + " database of a CloudNativePG Cluster in the overlay");
                }
            }
        }
        return problems;
    }

    private List<String> openSearchHost(String id, URI url, Map<String, String> config, JsonNode deployment) {
        List<String> problems = new ArrayList<>();
        Optional<ObjectNode> cluster = manifests
                .ofKind("OpenSearchCluster")
                .filter(c -> c.at("/spec/general/serviceName").asText().equals(url.getHost()))
                .findFirst();
        if (cluster.isEmpty()) {
            problems.add(id + ": opensearch.hosts " + url + " names no OpenSearchCluster service of the overlay");
            return problems;
        }
        int port = cluster.get().at("/spec/general/httpPort").asInt(9200);
        if (url.getPort() != port) {
            problems.add(id + ": opensearch.hosts " + url + " is not on the cluster's HTTP port " + port);
        }
        boolean tls = !cluster.get().at("/spec/security/tls/http").isMissingNode();
        if (tls != "https".equals(url.getScheme())) {
            problems.add(id + ": opensearch.hosts " + url + " uses " + url.getScheme() + " but the cluster's HTTP is "
                    + (tls ? "TLS" : "plain"));
        }
        if (tls) {
            String caFile = config.get("opensearch.tls.ca-file");
            boolean mounted = false;
            for (JsonNode mount : container(deployment).path("volumeMounts")) {
                mounted |= caFile != null
                        && caFile.startsWith(mount.path("mountPath").asText() + "/");
            }
            if (!mounted) {
                problems.add(id + ": OpenSearch speaks TLS but opensearch.tls.ca-file (" + caFile
                        + ") is not a file of a mounted volume");
            }
        }
        boolean security = !cluster.get().at("/spec/security").isMissingNode();
        if (security && !(config.containsKey("opensearch.username") && config.containsKey("opensearch.password"))) {
            problems.add(id + ": OpenSearch has its security plugin on but opensearch.username/password are not set");
        }
        return problems;
    }

    // ----------------------------------------------------------------------------------------------- hardening

    List<String> hardening() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : serviceDeployments()) {
            String id = Manifests.id(deployment);
            JsonNode pod = deployment.at("/spec/template/spec/securityContext");
            JsonNode container = container(deployment).path("securityContext");
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
            if (container(deployment).at("/resources/limits/memory").isMissingNode()) {
                problems.add(id + ": no memory limit");
            }
        }
        return problems;
    }

    static String describe(List<String> problems) {
        StringBuilder text = new StringBuilder();
        for (Iterator<String> it = problems.iterator(); it.hasNext(); ) {
            text.append("\n  - ").append(it.next());
        }
        return text.toString();
    }
}
