package dev.podsearch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaUserAclsTest {

    private static final String USERS =
            """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: ignored
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaUser
            metadata:
              name: writer
            spec:
              authorization:
                type: simple
                acls:
                  - resource:
                      type: topic
                      name: events
                      patternType: literal
                    operations:
                      - Write
                      - DescribeConfigs
                  - resource:
                      type: group
                      name: app-
                      patternType: prefix
                    operations:
                      - Read
                  - resource:
                      type: cluster
                    operations:
                      - IdempotentWrite
            """;

    @Test
    void aKafkaUsersAclsBecomeTheBrokersBindingsForThatUserOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, USERS);
        Set<String> bindings = KafkaUserAcls.of(file, "writer").stream()
                .map(b -> b.pattern().resourceType() + " " + b.pattern().name() + " "
                        + b.pattern().patternType() + " " + b.entry().operation() + " "
                        + b.entry().permissionType() + " " + b.entry().principal())
                .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "TOPIC events LITERAL WRITE ALLOW User:writer",
                        "TOPIC events LITERAL DESCRIBE_CONFIGS ALLOW User:writer",
                        "GROUP app- PREFIXED READ ALLOW User:writer",
                        "CLUSTER kafka-cluster LITERAL IDEMPOTENT_WRITE ALLOW User:writer"),
                bindings);
        assertThrows(IllegalArgumentException.class, () -> KafkaUserAcls.of(file, "ignored"));
    }
}
