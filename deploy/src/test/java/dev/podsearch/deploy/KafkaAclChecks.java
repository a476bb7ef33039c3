package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Each service's KafkaUser against what it declares it does with Kafka ({@link KafkaUsage}): every topic it writes or reads
 * and every group it joins has its ACL, and there is no ACL beyond those (least privilege: describing a used topic is
 * allowed, it is implied anyway). Where the overlay's Kafka wants SCRAM logins, every service that uses Kafka must
 * log in as a KafkaUser, with client settings that fit the listener it connects to: SASL_SSL, SCRAM-SHA-512, the JAAS
 * line from the user's Secret, and the cluster CA as its truststore.
 */
final class KafkaAclChecks {

    private final Manifests manifests;
    private final Function<JsonNode, Map<String, String>> configuration;

    KafkaAclChecks(Manifests manifests, Function<JsonNode, Map<String, String>> configuration) {
        this.manifests = manifests;
        this.configuration = configuration;
    }

    /** Every problem, for the services' Deployments given. */
    List<String> check(List<ObjectNode> deployments) {
        List<String> problems = new ArrayList<>();
        boolean scram = manifests
                .ofKind("Kafka")
                .anyMatch(k -> k.at("/spec/kafka/listeners").findValues("authentication").stream()
                        .anyMatch(a -> a.path("type").asText().equals("scram-sha-512")));
        List<String> used = new ArrayList<>();
        for (ObjectNode deployment : deployments) {
            String service = Manifests.name(deployment);
            Map<String, String> config = configuration.apply(deployment);
            if (!config.containsKey("kafka.bootstrap.servers")) {
                continue; // does not use Kafka
            }
            Optional<String> user = jaasSecret(deployment);
            if (user.isEmpty()) {
                if (scram) {
                    problems.add(Manifests.id(deployment) + ": uses Kafka, whose listeners want SCRAM logins, but"
                            + " takes no kafka.sasl.jaas.config from a KafkaUser's Secret");
                }
                continue;
            }
            used.add(user.get());
            Optional<ObjectNode> kafkaUser = manifests.find("KafkaUser", user.get());
            if (kafkaUser.isEmpty()) {
                problems.add(Manifests.id(deployment) + ": kafka.sasl.jaas.config comes from Secret " + user.get()
                        + ", which no KafkaUser makes");
                continue;
            }
            problems.addAll(clientSettings(deployment, config));
            KafkaUsage usage = KafkaUsage.of(service, config::get);
            problems.addAll(acls(kafkaUser.get(), service, usage));
        }
        manifests.ofKind("KafkaUser").forEach(u -> {
            if (!used.contains(Manifests.name(u))) {
                problems.add(Manifests.id(u) + ": no service logs in as this user");
            }
        });
        return problems;
    }

    private Optional<String> jaasSecret(ObjectNode deployment) {
        for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
            for (JsonNode env : container.path("env")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                if (env.path("name").asText().equals("kafka.sasl.jaas.config") && !ref.isMissingNode()) {
                    return Optional.of(ref.path("name").asText());
                }
            }
        }
        return Optional.empty();
    }

    static List<String> acls(JsonNode kafkaUser, String service, KafkaUsage usage) {
        String id = Manifests.id(kafkaUser);
        List<String> problems = new ArrayList<>();
        Map<String, String> declared = new TreeMap<>();
        for (JsonNode acl : kafkaUser.at("/spec/authorization/acls")) {
            JsonNode resource = acl.path("resource");
            String name = resource.path("name").asText("*");
            String pattern = resource.path("patternType").asText("literal");
            if (acl.path("type").asText("allow").equals("deny")) {
                continue;
            }
            if (!pattern.equals("literal")) {
                problems.add(id + ": " + resource.path("type").asText() + " " + name + " with patternType " + pattern
                        + " is wider than the names " + service + " uses");
            }
            for (JsonNode operation : acl.path("operations")) {
                declared.put(resource.path("type").asText() + ":" + name + ":" + operation.asText(), pattern);
            }
        }
        usage.rules().forEach((rule, source) -> {
            if (!declared.containsKey(rule)) {
                problems.add(id + ": no ACL for " + describe(rule) + ", which " + service + " needs (" + source + ")");
            }
        });
        for (String rule : declared.keySet()) {
            String[] parts = rule.split(":");
            boolean impliedDescribe = parts[0].equals("topic")
                    && parts[2].equals("Describe")
                    && usage.topics().contains(parts[1]);
            if (!usage.rules().containsKey(rule) && !impliedDescribe) {
                problems.add(id + ": ACL " + describe(rule) + " is more than " + service + " uses (it declares "
                        + usage.rules().keySet() + ")");
            }
        }
        return problems;
    }

    private static String describe(String rule) {
        String[] parts = rule.split(":");
        return parts[2] + " on " + parts[0] + " " + parts[1];
    }

    /** SASL_SSL + SCRAM-SHA-512 to a TLS + SCRAM listener, trusting the cluster CA mounted from its Secret. */
    private List<String> clientSettings(ObjectNode deployment, Map<String, String> config) {
        String id = Manifests.id(deployment);
        List<String> problems = new ArrayList<>();
        if (!"SASL_SSL".equals(config.get("kafka.security.protocol"))) {
            problems.add(id + ": kafka.security.protocol is " + config.get("kafka.security.protocol")
                    + ", not SASL_SSL, with a SCRAM user");
        }
        if (!"SCRAM-SHA-512".equals(config.get("kafka.sasl.mechanism"))) {
            problems.add(
                    id + ": kafka.sasl.mechanism is " + config.get("kafka.sasl.mechanism") + ", not SCRAM-SHA-512");
        }
        for (String server : config.get("kafka.bootstrap.servers").split(",")) {
            String[] hostPort = server.strip().split(":");
            boolean secure = manifests
                    .ofKind("Kafka")
                    .filter(k -> hostPort[0].equals(Manifests.name(k) + "-kafka-bootstrap"))
                    .flatMap(k -> java.util.stream.StreamSupport.stream(
                            k.at("/spec/kafka/listeners").spliterator(), false))
                    .anyMatch(l -> l.path("port").asText().equals(hostPort[1])
                            && l.path("tls").asBoolean()
                            && l.at("/authentication/type").asText().equals("scram-sha-512"));
            if (!secure) {
                problems.add(id + ": kafka.bootstrap.servers " + server + " is not a TLS listener with SCRAM-SHA-512");
            }
        }
        String truststore = config.getOrDefault("kafka.ssl.truststore.location", "");
        if (!"PEM".equals(config.get("kafka.ssl.truststore.type")) || !mountsClusterCa(deployment, truststore)) {
            problems.add(id + ": kafka.ssl.truststore.location '" + truststore + "' (type "
                    + config.get("kafka.ssl.truststore.type") + ") is not ca.crt of a mounted <cluster>-cluster-ca-cert"
                    + " Secret as PEM");
        }
        return problems;
    }

    private boolean mountsClusterCa(ObjectNode deployment, String truststore) {
        JsonNode pod = deployment.at("/spec/template/spec");
        for (JsonNode container : pod.path("containers")) {
            for (JsonNode mount : container.path("volumeMounts")) {
                if (!truststore.equals(mount.path("mountPath").asText() + "/ca.crt")) {
                    continue;
                }
                for (JsonNode volume : pod.path("volumes")) {
                    String secret = volume.at("/secret/secretName").asText();
                    if (volume.path("name").asText().equals(mount.path("name").asText())
                            && manifests
                                    .ofKind("Kafka")
                                    .anyMatch(k -> secret.equals(Manifests.name(k) + "-cluster-ca-cert"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
