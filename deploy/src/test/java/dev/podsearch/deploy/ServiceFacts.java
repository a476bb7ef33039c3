package dev.podsearch.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service itself says about its configuration, read from its source tree (and the modules it is built from):
 * the properties it reads, its HTTP port and where its health endpoints are. The manifests are checked against these,
 * so a renamed property or a changed port in the code fails the deployment tests too.
 */
record ServiceFacts(String name, Set<String> properties, Properties defaults) {

    /** The services and the project modules whose code each one runs. */
    static final Map<String, List<String>> MODULES = Map.of(
            "ingest-service", List.of("ingest-service", "transcript-events", "service-support"),
            "index-service", List.of("index-service", "transcript-events", "service-support", "search-model"),
            "query-service", List.of("query-service", "service-support", "search-model"));

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern METHOD =
            Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*([\\w.<>, ?]+?)\\s+(\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern NESTED =
            Pattern.compile("\\n    interface\\s+(\\w+)\\s*\\{(.*?)\\n    }", Pattern.DOTALL);

    static ServiceFacts of(String service) {
        List<String> modules = MODULES.get(service);
        if (modules == null) {
            throw new IllegalArgumentException("not a service: " + service);
        }
        Path repo = Manifests.repo();
        Set<String> properties = new TreeSet<>();
        Properties defaults = new Properties();
        for (String module : modules) {
            Path main = repo.resolve(module).resolve("src/main");
            // the module's own properties and the shared ones: service-support's (every service takes them) and
            // transcript-events' tracing settings (the two Kafka services name them in quarkus.config.locations)
            for (String name : List.of(
                    "application.properties",
                    "META-INF/microprofile-config.properties",
                    "META-INF/podsearch-tracing.properties")) {
                Path applicationProperties = main.resolve("resources").resolve(name);
                if (!Files.isRegularFile(applicationProperties)) {
                    continue;
                }
                Properties file = load(applicationProperties);
                for (String key : file.stringPropertyNames()) {
                    if (!key.startsWith("%")) {
                        defaults.setProperty(key, file.getProperty(key));
                        properties.add(key);
                    } else {
                        properties.add(key.substring(key.indexOf('.') + 1));
                    }
                }
            }
            try (Stream<Path> sources = Files.walk(main.resolve("java"))) {
                for (Path source :
                        sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scan(Files.readString(source), properties);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ServiceFacts(service, properties, defaults);
    }

    private static void scan(String source, Set<String> properties) {
        Matcher property = CONFIG_PROPERTY.matcher(source);
        while (property.find()) {
            properties.add(property.group(1));
        }
        Matcher mapping = CONFIG_MAPPING.matcher(source);
        if (mapping.find()) {
            String prefix = mapping.group(1);
            Map<String, String> nested = new HashMap<>();
            Matcher inner = NESTED.matcher(source.substring(mapping.end()));
            // nested groups are interfaces indented one level, their methods read under "<prefix>.<group>."
            while (inner.find()) {
                nested.put(inner.group(1), inner.group(2));
            }
            String top = source.substring(mapping.end());
            for (String body : nested.values()) {
                top = top.replace(body, "");
            }
            methods(top, prefix, nested, properties);
        }
    }

    private static void methods(String body, String prefix, Map<String, String> nested, Set<String> properties) {
        Matcher method = METHOD.matcher(body);
        while (method.find()) {
            String type = method.group(1).strip();
            String name = prefix + "." + kebab(method.group(2));
            if (nested.containsKey(type)) {
                methods(nested.get(type), name, Map.of(), properties);
            } else {
                properties.add(name);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Whether the service reads this property (Quarkus' own and the project's). */
    boolean reads(String property) {
        return properties.contains(property);
    }

    /** The HTTP port the service listens on unless configured otherwise. */
    int defaultPort() {
        return Integer.parseInt(defaults.getProperty("quarkus.http.port", "8080"));
    }

    /** The health endpoints Quarkus serves for this service: below the non-application root, /q by default. */
    Set<String> healthPaths() {
        String root = defaults.getProperty("quarkus.http.non-application-root-path", "q")
                .replaceAll("^/|/$", "");
        String health = "/" + root + "/health";
        return Set.of(health + "/live", health + "/ready", health + "/started");
    }
}
