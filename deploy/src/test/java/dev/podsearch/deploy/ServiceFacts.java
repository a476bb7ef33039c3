package dev.podsearch.deploy;

import dev.podsearch.alert.AlertFacts;
import dev.podsearch.index.IndexFacts;
import dev.podsearch.ingest.IngestFacts;
import dev.podsearch.query.QueryFacts;
import dev.podsearch.support.facts.DeclaredFacts;
import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a service says about its configuration: the properties it reads (those its {@link DeclaredFacts} declare: every
 * property of its {@code @ConfigMapping} interfaces, as SmallRye Config names them, and the keys its code reads by
 * constant; plus those its modules' properties files set), its HTTP and management ports and where its health endpoints
 * are. The
 * manifests are checked against these, so a renamed property or a changed port in the code fails the deployment tests
 * too.
 */
record ServiceFacts(String name, DeclaredFacts declared, Set<String> properties, Properties defaults) {

    /** What each service declares about itself, in its own code. */
    static final Map<String, DeclaredFacts> DECLARED = Map.of(
            "ingest-service", IngestFacts.DECLARED,
            "index-service", IndexFacts.DECLARED,
            "query-service", QueryFacts.DECLARED,
            "alert-service", AlertFacts.DECLARED);

    /** The services and the project modules whose properties files each one runs with. */
    static final Map<String, List<String>> MODULES = Map.of(
            "ingest-service", List.of("ingest-service", "transcript-events", "service-support"),
            "index-service",
                    List.of("index-service", "transcript-events", "service-support", "search-model", "embeddings"),
            "query-service", List.of("query-service", "service-support", "search-model", "embeddings"),
            "alert-service", List.of("alert-service", "transcript-events", "service-support", "search-model"));

    /**
     * The files with a module's settings: Quarkus' {@code application.properties}, MicroProfile's
     * {@code META-INF/microprofile-config.properties} (service-support's: what every service takes) and
     * transcript-events' tracing settings (the two Kafka services name them in {@code quarkus.config.locations}).
     */
    private static final List<String> PROPERTIES_FILES = List.of(
            "application.properties",
            "META-INF/microprofile-config.properties",
            "META-INF/podsearch-tracing.properties");

    static ServiceFacts of(String service) {
        DeclaredFacts declared = DECLARED.get(service);
        if (declared == null) {
            throw new IllegalArgumentException("not a service: " + service);
        }
        Set<String> properties = new TreeSet<>(declared.configKeys());
        for (Class<?> mapping : declared.configMappings()) {
            properties.addAll(mappingProperties(mapping));
        }
        Properties defaults = new Properties();
        for (String module : MODULES.get(service)) {
            for (String name : PROPERTIES_FILES) {
                Path file = Manifests.repo()
                        .resolve(module)
                        .resolve("src/main/resources")
                        .resolve(name);
                if (Files.isRegularFile(file)) {
                    Properties settings = load(file);
                    for (String key : settings.stringPropertyNames()) {
                        if (!key.startsWith("%")) {
                            defaults.setProperty(key, settings.getProperty(key));
                            properties.add(key);
                        } else {
                            properties.add(key.substring(key.indexOf('.') + 1)); // %prod.x.y: x.y
                        }
                    }
                }
            }
        }
        return new ServiceFacts(service, declared, properties, defaults);
    }

    /** Every property of a {@code @ConfigMapping} interface (a map's or a list's entries as {@code *}). */
    static Set<String> mappingProperties(Class<?> mapping) {
        return new TreeSet<>(ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping))
                .keySet());
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
        return properties.contains(property)
                || properties.stream().filter(p -> p.contains("*")).anyMatch(p -> property.matches(wildcard(p)));
    }

    private static String wildcard(String property) {
        return Pattern.quote(property).replace("*", "\\E[^.]+\\Q");
    }

    /** The HTTP port the service listens on unless configured otherwise. */
    int defaultPort() {
        return Integer.parseInt(defaults.getProperty("quarkus.http.port", "8080"));
    }

    /** Whether health, metrics and the API docs are on a management port of their own (a build-time setting). */
    boolean managementEnabled() {
        return Boolean.parseBoolean(defaults.getProperty("quarkus.management.enabled", "false"));
    }

    /** The management port unless configured otherwise (Quarkus' default 9000 when the service names none). */
    int defaultManagementPort() {
        return Integer.parseInt(defaults.getProperty("quarkus.management.port", "9000"));
    }

    /**
     * The root of the endpoints Quarkus adds (health, metrics, OpenAPI): the management interface's root path when it
     * is on, else the non-application root; /q by default.
     */
    String nonApplicationRoot() {
        String root = managementEnabled()
                ? defaults.getProperty("quarkus.management.root-path", "q")
                : defaults.getProperty("quarkus.http.non-application-root-path", "q");
        return "/" + root.replaceAll("^/|/$", "");
    }

    /** The health endpoints Quarkus serves for this service: below {@link #nonApplicationRoot()}. */
    Set<String> healthPaths() {
        String health = nonApplicationRoot() + "/health";
        return Set.of(health + "/live", health + "/ready", health + "/started");
    }
}
