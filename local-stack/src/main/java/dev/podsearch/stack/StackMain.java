package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack from the command line.
 *
 * <pre>
 * local-stack servers [--only postgres,kafka,opensearch]   servers only, on their usual ports when free
 * local-stack up [--repo DIR] [--cluster]                   servers and the four services
 *                                                           (--cluster: 3 Kafka and 3 OpenSearch nodes, 2 of each service)
 * local-stack keys create --name N --role R | list | revoke ID   API keys of a running system
 * </pre>
 *
 * {@code servers} and {@code up} run until Ctrl-C, then stop everything they started. Data is kept between runs under
 * the stack home.
 */
public final class StackMain {

    private StackMain() {}

    /** The Maven repository artifacts come from: {@code PODSEARCH_MAVEN_REPO}, else Maven Central. */
    static String repository() {
        String configured = StackHome.setting("podsearch.maven.repo", "PODSEARCH_MAVEN_REPO");
        return configured == null ? Downloader.DEFAULT_REPOSITORY : configured;
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        String command = arguments.isEmpty() ? "help" : arguments.removeFirst();
        try {
            switch (command) {
                case "servers" -> servers(components(option(arguments, "--only", "postgres,kafka,opensearch")));
                case "up" ->
                    up(
                            Path.of(option(arguments, "--repo", "."))
                                    .toAbsolutePath()
                                    .normalize(),
                            arguments.contains("--cluster"));
                case "keys" -> System.exit(KeysCommand.run(arguments, System.out));
                default -> {
                    System.err.println("usage: local-stack servers [--only postgres,kafka,opensearch]\n"
                            + "       local-stack up [--repo DIR] [--cluster]\n"
                            + "       local-stack " + KeysCommand.USAGE.replace("usage: ", ""));
                    System.exit("help".equals(command) ? 0 : 2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("[stack] error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void servers(Set<LocalStack.Component> components) {
        LocalStack stack = LocalStack.start(new LocalStack.Options(components, "dev", true));
        System.out.println();
        System.out.println("Servers are up. To run a service against them in dev mode:");
        StringBuilder flags = new StringBuilder();
        stack.quarkusProperties()
                .forEach((key, value) ->
                        flags.append(" -D").append(key).append('=').append(value));
        System.out.println("  ./mvnw -pl <service> quarkus:dev" + flags);
        System.out.println("or the packaged service (where quarkus:dev cannot fetch the Dev UI):");
        System.out.println("  java" + flags + " -jar <service>/target/quarkus-app/quarkus-run.jar");
        System.out.println("Press Ctrl-C to stop them.");
        waitForever();
    }

    private static void up(Path repo, boolean cluster) {
        Path dropDir = repo.resolve("local/drop");
        Path logDir = repo.resolve("local/logs");
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(dropDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<LocalStack.Component> all = EnumSet.allOf(LocalStack.Component.class);
        // the cluster keeps its data apart from the single-node stack's, on free ports
        LocalStack stack = LocalStack.start(
                cluster
                        ? new LocalStack.Options(all, "dev-cluster", false).asCluster()
                        : new LocalStack.Options(all, "dev", true));
        Path keyFile = repo.resolve("local/api-key");
        boolean newKey = !Files.exists(keyFile);
        DevKey.ensure(keyFile);
        List<ServiceProcess> services = new ArrayList<>();
        Map<String, String> properties = new HashMap<>(stack.quarkusProperties());
        properties.put("ingest.drop.dir", dropDir.toString());
        properties.put("access.bootstrap-key-file", keyFile.toString());
        properties.put("outbound.allow", "127.0.0.0/8,::1"); // feeds served on this machine, for trying them out
        // index and query check keys with ingest under a shared token (past ingest's rate limits), from a file
        Path serviceToken = repo.resolve("local/service-token");
        DevKey.ensure(serviceToken);
        properties.put("access.service-token-file", serviceToken.toString());
        // the web app's upload page calls ingest-service from query-service's origin, whichever ports they got
        properties.put("quarkus.http.cors.origins", "/http://(127\\.0\\.0\\.1|localhost):[0-9]+/");
        // ingest first: the others check keys with it
        int instances = cluster ? 2 : 1;
        services.addAll(startWatched("ingest-service", repo, 8081, properties, logDir, stack, instances));
        ServiceProcess ingest = services.getFirst();
        // every ingest instance: a check that cannot reach one goes to the next
        properties.put(
                "access.verify-url",
                String.join(",", services.stream().map(ServiceProcess::url).toList()));
        properties.put("web.ingest-url", ingest.url());
        for (Map.Entry<String, Integer> service :
                List.of(Map.entry("index-service", 8082), Map.entry("query-service", 8080))) {
            services.addAll(
                    startWatched(service.getKey(), repo, service.getValue(), properties, logDir, stack, instances));
        }
        ServiceProcess query = services.stream()
                .filter(s -> s.name().equals("query-service"))
                .findFirst()
                .orElseThrow();
        // alerts compile their queries with query-service; their webhooks may go to receivers on this machine
        // (outbound.allow, above)
        properties.put("alerts.query-url", query.url());
        List<ServiceProcess> alerts = startWatched("alert-service", repo, 8083, properties, logDir, stack, instances);
        services.addAll(alerts);
        System.out.println();
        System.out.println("podsearch is up:");
        System.out.printf(
                "  search     %s/v1/search?q=...   (web app %s/, uploads at /upload)%n", query.url(), query.url());
        System.out.printf(
                "  API key    %s (admin; %s): send it as -H \"Authorization: Bearer $(cat local/api-key)\"%n",
                keyFile, newKey ? "made now, mode 0600" : "kept from an earlier run");
        System.out.printf(
                "  upload     curl --data-binary @episode.txt -H 'Content-Type: text/plain' -H \"Authorization: Bearer"
                        + " $(cat local/api-key)\" '%s/v1/transcripts?show=...'%n",
                ingest.url());
        System.out.printf(
                "  alerts     curl -H \"Authorization: Bearer $(cat local/api-key)\" %s/v1/alerts   (webhooks to"
                        + " 127.0.0.1 allowed here)%n",
                alerts.getFirst().url());
        System.out.println(
                "  more keys  ./podsearch keys create --name NAME --role read|alerts|ingest|admin  (keys list, keys revoke ID)");
        System.out.printf("  drop files into %s%n", dropDir.resolve("incoming"));
        System.out.printf(
                "  API docs   %s/q/swagger-ui   (each service's Swagger UI, OpenAPI, health and metrics: on its"
                        + " management port, below)%n",
                query.managementUrl());
        services.forEach(s -> System.out.printf(
                "  %-17s %s  management %s  (log %s)%n", s.name(), s.url(), s.managementUrl(), s.log()));
        stack.locations().forEach((name, where) -> System.out.printf("  %-15s %s%n", name, where));
        System.out.println("Press Ctrl-C to stop everything.");
        waitForever();
    }

    /**
     * Starts {@code instances} of a service (the second on {@code port} + 10, named {@code <name>-2}), each kept
     * running by a watchdog (one that dies is started again on its port); they stop before the servers they use.
     */
    private static List<ServiceProcess> startWatched(
            String name,
            Path repo,
            int port,
            Map<String, String> properties,
            Path logDir,
            LocalStack stack,
            int instances) {
        List<ServiceProcess> started = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            String instance = i == 1 ? name : name + "-" + i;
            StackLog.info("starting %s", instance);
            ServiceProcess service =
                    ServiceProcess.start(instance, repo.resolve(name), port + 10 * (i - 1), properties, logDir);
            StackLog.info("%-17s ready at %s (management %s)", instance, service.url(), service.managementUrl());
            stack.stopFirst(new ServiceWatchdog(service));
            started.add(service);
        }
        return started;
    }

    /** The servers a comma-separated list names ({@code postgres,kafka,opensearch}). */
    public static Set<LocalStack.Component> components(String list) {
        Set<LocalStack.Component> components = EnumSet.noneOf(LocalStack.Component.class);
        for (String name : list.split(",")) {
            try {
                components.add(LocalStack.Component.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown server '" + name + "'; choose from postgres, kafka, opensearch");
            }
        }
        return components;
    }

    static String option(List<String> arguments, String name, String fallback) {
        int index = arguments.indexOf(name);
        if (index < 0) {
            return fallback;
        }
        if (index + 1 >= arguments.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return arguments.get(index + 1);
    }

    private static void waitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
