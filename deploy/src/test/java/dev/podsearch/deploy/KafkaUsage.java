package dev.podsearch.deploy;

import dev.podsearch.support.facts.DeclaredFacts;
import dev.podsearch.support.facts.KafkaAccess;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What a service does with Kafka, as its {@link DeclaredFacts} say (IngestFacts, IndexFacts, QueryFacts, whose names
 * the code uses): the topics it writes and reads and the consumer groups it joins, a configured group under the name
 * the Deployment's configuration gives it.
 *
 * @param rules "topic:&lt;name&gt;:Write", "topic:&lt;name&gt;:Read", "group:&lt;name&gt;:Read", each with the part of
 *     the service that needs it
 */
record KafkaUsage(Map<String, String> rules) {

    /**
     * @param configuration the service's effective configuration (property -> value) where it overrides defaults
     */
    static KafkaUsage of(String service, UnaryOperator<String> configuration) {
        DeclaredFacts declared = ServiceFacts.DECLARED.get(service);
        if (declared == null) {
            throw new IllegalArgumentException("not a service: " + service);
        }
        Map<String, String> rules = new TreeMap<>();
        for (KafkaAccess access : declared.kafka()) {
            String rule = access.resource() + ":" + access.name(configuration) + ":" + access.operation();
            rules.merge(rule, access.why(), (a, b) -> a + ", " + b);
        }
        return new KafkaUsage(rules);
    }

    /** The topics the service uses at all. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        rules.keySet().stream()
                .filter(rule -> rule.startsWith("topic:"))
                .forEach(rule -> topics.add(rule.split(":")[1]));
        return topics;
    }
}
