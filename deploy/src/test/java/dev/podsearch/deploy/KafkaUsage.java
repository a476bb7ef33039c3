package dev.podsearch.deploy;

import dev.podsearch.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's code does with Kafka, read from its source tree (the modules {@link ServiceFacts#MODULES} names):
 * the topics it writes ({@code new ProducerRecord<>(Topics.X ...}, an outbox row's {@code topic = Topics.X}), the topics
 * it reads ({@code subscribe(List.of(Topics.X))}, {@code new TopicPartition(Topics.X ...)}) and the consumer groups it
 * joins ({@code GROUP_ID_CONFIG} set from a string constant, or from a {@code @ConfigMapping}'s {@code groupId()} with
 * its {@code @WithDefault}, which the Deployment's configuration may override).
 *
 * @param rules "topic:&lt;name&gt;:Write", "topic:&lt;name&gt;:Read", "group:&lt;name&gt;:Read", each with the source file
 *     that needs it
 */
record KafkaUsage(Map<String, String> rules) {

    private static final Pattern WRITE =
            Pattern.compile("(?:ProducerRecord<>\\(\\s*|\\.topic\\s*=\\s*)Topics\\.(\\w+)");
    private static final Pattern READ = Pattern.compile(
            "(?:subscribe\\((?:java\\.util\\.)?List\\.of\\(|new TopicPartition\\(|partitionsFor\\()Topics\\.(\\w+)");
    private static final Pattern GROUP = Pattern.compile("GROUP_ID_CONFIG,\\s*([\\w.]+(?:\\(\\))?)");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern GROUP_DEFAULT =
            Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s*String groupId\\(\\)");

    /**
     * @param configuration the service's effective configuration (property -> value) where it overrides defaults
     */
    static KafkaUsage of(String service, UnaryOperator<String> configuration) {
        Map<String, String> sources = sources(service);
        Map<String, String> rules = new HashMap<>();
        sources.forEach((file, text) -> {
            find(WRITE, text).forEach(t -> rules.put("topic:" + topic(t) + ":Write", file));
            find(READ, text).forEach(t -> rules.put("topic:" + topic(t) + ":Read", file));
            for (String value : find(GROUP, text)) {
                rules.put("group:" + group(value, text, sources, configuration) + ":Read", file);
            }
        });
        return new KafkaUsage(rules);
    }

    private static Map<String, String> sources(String service) {
        Map<String, String> sources = new HashMap<>();
        for (String module : ServiceFacts.MODULES.get(service)) {
            Path java = Manifests.repo().resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(java)) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    sources.put(module + "/" + java.relativize(file), Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String topic(String constant) {
        try {
            return (String) Topics.class.getField(constant).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Topics." + constant + " is not a topic constant", e);
        }
    }

    /** A group id: a string constant of the same file, or a config mapping's groupId() (configured or default). */
    private static String group(
            String value, String text, Map<String, String> sources, UnaryOperator<String> configuration) {
        if (value.endsWith(".groupId()")) {
            String field = value.substring(0, value.indexOf('.'));
            Matcher declared =
                    Pattern.compile("(\\w+)\\s+" + field + "\\s*[;,)]").matcher(text);
            if (!declared.find()) {
                throw new IllegalStateException("cannot find the type of '" + field + "' for " + value);
            }
            String type = declared.group(1);
            String mapping = sources.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("/" + type + ".java"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no source for " + type));
            List<String> prefix = find(MAPPING, mapping);
            List<String> fallback = find(GROUP_DEFAULT, mapping);
            if (prefix.isEmpty() || fallback.isEmpty()) {
                throw new IllegalStateException(type + " has no @ConfigMapping prefix or no groupId() default");
            }
            String configured = configuration.apply(prefix.getFirst() + ".group-id");
            return configured != null ? configured : fallback.getFirst();
        }
        Matcher constant = Pattern.compile("String\\s+" + Pattern.quote(value) + "\\s*=\\s*\"([^\"]+)\"")
                .matcher(text);
        if (!constant.find()) {
            throw new IllegalStateException("cannot resolve the consumer group '" + value + "'");
        }
        return constant.group(1);
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
