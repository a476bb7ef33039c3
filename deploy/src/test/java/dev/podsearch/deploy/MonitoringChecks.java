package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.support.facts.DeclaredFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Monitoring that watches what exists: every ServiceMonitor scrapes the path where its service serves Prometheus
 * metrics (and the service has the Micrometer Prometheus registry at all), and every metric an alert rule or a
 * dashboard panel names is one a service exports: one of its own (a {@code podsearch.<service>.…} meter its
 * {@code DeclaredFacts} name, as Prometheus names it) or one of the standard families the services export.
 */
final class MonitoringChecks {

    /** A metric name in PromQL: a word followed by a selector, a range, a space, a bracket or the end. */
    private static final Pattern METRIC =
            Pattern.compile("\\b((?:podsearch|http_server|jvm|process|kafka)_[a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    /** What Micrometer's Prometheus naming adds to a meter's name. */
    private static final List<String> SUFFIXES = List.of(
            "",
            "_total",
            "_count",
            "_sum",
            "_max",
            "_bucket",
            "_seconds",
            "_seconds_count",
            "_seconds_sum",
            "_seconds_max",
            "_seconds_bucket");
    /** Families the Quarkus Micrometer extension exports on every service. */
    private static final List<String> STANDARD = List.of("http_server_requests_seconds", "jvm_", "process_");

    private final Manifests manifests;

    MonitoringChecks(Manifests manifests) {
        this.manifests = manifests;
    }

    List<String> all() {
        List<String> problems = new ArrayList<>(scrapes());
        Set<String> exported = exported();
        manifests.ofKind("PrometheusRule").forEach(rule -> {
            for (JsonNode group : rule.at("/spec/groups")) {
                for (JsonNode r : group.path("rules")) {
                    String where =
                            Manifests.id(rule) + " alert " + r.path("alert").asText("?");
                    problems.addAll(unknown(where, r.path("expr").asText(), exported));
                }
            }
        });
        manifests
                .ofKind("ConfigMap")
                .filter(c ->
                        "1".equals(c.at("/metadata/labels/grafana_dashboard").asText()))
                .forEach(dashboard -> dashboard.path("data").properties().forEach(file -> {
                    JsonNode json =
                            parse(Manifests.id(dashboard), file.getValue().asText());
                    for (JsonNode panel : json.path("panels")) {
                        for (JsonNode target : panel.path("targets")) {
                            String where = Manifests.id(dashboard) + " panel '"
                                    + panel.path("title").asText() + "'";
                            problems.addAll(unknown(where, target.path("expr").asText(), exported));
                        }
                    }
                }));
        return problems;
    }

    /** Each ServiceMonitor endpoint's path is the metrics path of each service it selects. */
    private List<String> scrapes() {
        List<String> problems = new ArrayList<>();
        manifests.ofKind("ServiceMonitor").forEach(monitor -> {
            String selected = monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1name")
                    .asText();
            if (!ServiceFacts.MODULES.containsKey(selected)) {
                problems.add(Manifests.id(monitor) + ": selects '" + selected + "', which is none of our services");
                return;
            }
            String served = metricsPath(selected);
            for (JsonNode endpoint : monitor.at("/spec/endpoints")) {
                String path = endpoint.path("path").asText("/metrics"); // the operator's default
                if (served == null) {
                    problems.add(Manifests.id(monitor) + ": " + selected + " serves no Prometheus metrics (no"
                            + " quarkus-micrometer-registry-prometheus in its pom.xml)");
                } else if (!path.equals(served)) {
                    problems.add(Manifests.id(monitor) + ": scrapes " + path + " but " + selected + " serves its"
                            + " metrics at " + served);
                }
            }
        });
        return problems;
    }

    /** Where the service serves Prometheus metrics, or null when it has no Prometheus registry. */
    static String metricsPath(String service) {
        Path repo = Manifests.repo();
        try {
            String pom = Files.readString(repo.resolve(service).resolve("pom.xml"));
            if (!pom.contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>")) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceFacts facts = ServiceFacts.of(service);
        String path = facts.defaults()
                .getProperty("quarkus.micrometer.export.prometheus.path", "metrics")
                .replaceAll("^/", "");
        return facts.nonApplicationRoot() + "/" + path;
    }

    /** The Prometheus names of the meters the services declare (each with the suffixes Micrometer may add). */
    static Set<String> exported() {
        Set<String> names = new TreeSet<>();
        for (DeclaredFacts declared : ServiceFacts.DECLARED.values()) {
            for (String meter : declared.meters()) {
                String base = meter.replace('.', '_');
                SUFFIXES.forEach(suffix -> names.add(base + suffix));
            }
        }
        return names;
    }

    private static List<String> unknown(String where, String expr, Set<String> exported) {
        List<String> problems = new ArrayList<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            String metric = m.group(1);
            boolean standard = STANDARD.stream().anyMatch(metric::startsWith);
            if (!standard && !exported.contains(metric)) {
                problems.add(where + ": metric " + metric + " is exported by no service");
            }
        }
        return problems;
    }

    private static JsonNode parse(String where, String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(where + ": the dashboard is not JSON: " + e.getMessage(), e);
        }
    }
}
