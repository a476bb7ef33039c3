package dev.podsearch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of a Strimzi {@code KafkaUser} (spec.authorization, type simple) as Kafka ACL bindings, the way Strimzi's
 * User Operator turns them into the broker's ACLs, so a local broker can enforce exactly what a deployment declares.
 */
final class KafkaUserAcls {

    private KafkaUserAcls() {}

    /** The bindings of the KafkaUser {@code name} in the (multi-document) YAML file {@code manifest}. */
    static List<AclBinding> of(Path manifest, String name) {
        JsonNode user = find(manifest, name);
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            JsonNode resource = acl.path("resource");
            ResourceType type =
                    switch (resource.path("type").asText()) {
                        case "topic" -> ResourceType.TOPIC;
                        case "group" -> ResourceType.GROUP;
                        case "cluster" -> ResourceType.CLUSTER;
                        case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                        default -> throw new IllegalArgumentException("unknown ACL resource type in " + acl);
                    };
            String resourceName = type == ResourceType.CLUSTER
                    ? "kafka-cluster"
                    : resource.path("name").asText("*");
            // Strimzi says literal or prefix
            PatternType pattern = resource.path("patternType").asText("literal").equals("prefix")
                    ? PatternType.PREFIXED
                    : PatternType.LITERAL;
            AclPermissionType permission =
                    acl.path("type").asText("allow").equals("deny") ? AclPermissionType.DENY : AclPermissionType.ALLOW;
            for (JsonNode operation : acl.path("operations")) {
                bindings.add(new AclBinding(
                        new ResourcePattern(type, resourceName, pattern),
                        new AccessControlEntry(
                                "User:" + name,
                                acl.path("host").asText("*"),
                                operation(operation.asText()),
                                permission)));
            }
        }
        return bindings;
    }

    private static AclOperation operation(String strimzi) {
        AclOperation operation =
                switch (strimzi) {
                    case "AlterConfigs" -> AclOperation.ALTER_CONFIGS;
                    case "DescribeConfigs" -> AclOperation.DESCRIBE_CONFIGS;
                    case "ClusterAction" -> AclOperation.CLUSTER_ACTION;
                    case "IdempotentWrite" -> AclOperation.IDEMPOTENT_WRITE;
                    default -> AclOperation.fromString(strimzi.toUpperCase(Locale.ROOT));
                };
        if (operation == AclOperation.UNKNOWN) {
            throw new IllegalArgumentException("unknown ACL operation " + strimzi);
        }
        return operation;
    }

    private static JsonNode find(Path manifest, String name) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document.path("kind").asText().equals("KafkaUser")
                        && document.at("/metadata/name").asText().equals(name)) {
                    return document;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        throw new IllegalArgumentException("no KafkaUser " + name + " in " + manifest);
    }
}
