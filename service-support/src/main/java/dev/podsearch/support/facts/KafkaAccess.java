package dev.podsearch.support.facts;

import java.util.Objects;

/**
 * One thing a service does with Kafka, as an ACL would allow it: an operation on a topic or a consumer group. A
 * group's name may come from a configuration property ({@code configuredBy}); {@code name} is then its default.
 *
 * @param resource {@code topic} or {@code group} (Strimzi's ACL resource types)
 * @param name the topic or the group (for a configured group, the default)
 * @param operation {@code Read}, {@code Write} or {@code Describe} (Strimzi's ACL operations)
 * @param configuredBy the property that names the group instead of {@code name} when set, or null
 * @param why the part of the service that needs it, for messages
 */
public record KafkaAccess(String resource, String name, String operation, String configuredBy, String why) {

    public KafkaAccess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(why, "why");
        if (!resource.equals("topic") && !resource.equals("group")) {
            throw new IllegalArgumentException("not a Kafka ACL resource type: " + resource);
        }
    }

    /** Reads a topic (a consumer subscribed or assigned to its partitions). */
    public static KafkaAccess readsTopic(String topic, String why) {
        return new KafkaAccess("topic", topic, "Read", null, why);
    }

    /** Writes a topic (a producer). */
    public static KafkaAccess writesTopic(String topic, String why) {
        return new KafkaAccess("topic", topic, "Write", null, why);
    }

    /** Consumes in a group of a fixed name. */
    public static KafkaAccess joinsGroup(String group, String why) {
        return new KafkaAccess("group", group, "Read", null, why);
    }

    /** Consumes in the group a property names, {@code fallback} when it is not set. */
    public static KafkaAccess joinsGroup(String property, String fallback, String why) {
        return new KafkaAccess("group", fallback, "Read", property, why);
    }

    /** The group or topic in effect under a configuration (property -> value, null where not set). */
    public String name(java.util.function.UnaryOperator<String> configuration) {
        String configured = configuredBy == null ? null : configuration.apply(configuredBy);
        return configured != null ? configured : name;
    }
}
