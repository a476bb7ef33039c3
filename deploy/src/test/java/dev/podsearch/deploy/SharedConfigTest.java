package dev.podsearch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings the services share live once: service-support's {@code META-INF/microprofile-config.properties}
 * (every service) and transcript-events' {@code META-INF/podsearch-tracing.properties} (tracing, ingest and index); the services' {@code application.properties} and the ConfigMaps name a shared key only to give it another value,
 * and the ConfigMaps give a shared key the same value in every service (JSON logs on, one collector, one sampling
 * ratio, in each overlay).
 */
class SharedConfigTest {

    static final List<String> SERVICES = List.of("ingest-service", "index-service", "query-service", "alert-service");
    /** Every service's shared settings, and the tracing settings of the two on either side of the Kafka topics. */
    static final List<Path> SHARED = List.of(
            Manifests.repo().resolve("service-support/src/main/resources/META-INF/microprofile-config.properties"),
            Manifests.repo().resolve("transcript-events/src/main/resources/META-INF/podsearch-tracing.properties"));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void configMapsOverrideSharedSettingsOnlyAndAlike(String overlay) {
        Manifests manifests = Manifests.render(Manifests.k8s(), overlay);
        Map<String, Map<String, String>> configMaps = new TreeMap<>();
        for (String service : SERVICES) {
            JsonNode data = manifests
                    .find("ConfigMap", service + "-config")
                    .orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap " + service + "-config"))
                    .path("data");
            Map<String, String> entries = new TreeMap<>();
            data.properties()
                    .forEach(entry ->
                            entries.put(entry.getKey(), entry.getValue().asText()));
            configMaps.put(service, entries);
        }
        assertEquals(List.of(), problems(configMaps, shared()), overlay);
        configMaps.forEach((service, data) -> assertEquals(
                "true",
                data.get("quarkus.log.console.json.enabled"),
                overlay + ": " + service + " logs JSON lines in the cluster"));
    }

    @Test
    void servicesDoNotRepeatSharedSettings() {
        Properties shared = shared();
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Properties own = load(Manifests.repo().resolve(service + "/src/main/resources/application.properties"));
            for (String key : own.stringPropertyNames()) {
                if (own.getProperty(key).equals(shared.getProperty(key))) {
                    problems.add(service + "'s application.properties repeats the shared " + key);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aCopiedDefaultOrADisagreementIsFound() {
        Properties shared = new Properties();
        shared.setProperty("quarkus.log.console.json.enabled", "false");
        shared.setProperty("quarkus.otel.traces.sampler.arg", "0");
        Map<String, Map<String, String>> configMaps = Map.of(
                "ingest-service",
                        Map.of("quarkus.log.console.json.enabled", "false", "quarkus.otel.traces.sampler.arg", "1.0"),
                "index-service", Map.of("quarkus.otel.traces.sampler.arg", "0.5", "indexer.shards", "1"));
        assertEquals(
                List.of(
                        "ingest-service-config repeats the shared default quarkus.log.console.json.enabled=false",
                        "quarkus.otel.traces.sampler.arg differs between the services' ConfigMaps:"
                                + " {index-service=0.5, ingest-service=1.0}"),
                problems(configMaps, shared));
    }

    /**
     * What is wrong with these ConfigMaps ({@code service -> data}) against the shared settings: a shared key set to
     * its shared value (a copy, to delete), or a shared key given different values by different services.
     */
    static List<String> problems(Map<String, Map<String, String>> configMaps, Properties shared) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> overrides = new TreeMap<>();
        new TreeMap<>(configMaps).forEach((service, data) -> new TreeMap<>(data).forEach((key, value) -> {
            String sharedValue = shared.getProperty(key);
            if (value.equals(sharedValue)) {
                problems.add(service + "-config repeats the shared default " + key + "=" + value);
            } else if (sharedValue != null) {
                overrides.computeIfAbsent(key, k -> new TreeMap<>()).put(service, value);
            }
        }));
        overrides.forEach((key, values) -> {
            if (values.values().stream().distinct().count() > 1) {
                problems.add(key + " differs between the services' ConfigMaps: " + values);
            }
        });
        return problems;
    }

    static Properties shared() {
        Properties shared = new Properties();
        SHARED.forEach(file -> shared.putAll(load(file)));
        return shared;
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
