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
 * local-stack up [--repo DIR]                               servers and the three services
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
                    up(Path.of(option(arguments, "--repo", "."))
                            .toAbsolutePath()
                            .normalize());
                case "keys" -> System.exit(KeysCommand.run(arguments, System.out));
                default -> {
                    System.err.println("usage: local-stack servers [--only postgres,kafka,opensearch]\n"
                            + "       local-stack up [--repo DIR]\n"
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

    private static void up(Path repo) {
        Path dropDir = repo.resolve("local/drop");
        Path logDir = repo.resolve("local/logs");
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(dropDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStack stack =
                LocalStack.start(new LocalStack.Options(EnumSet.allOf(LocalStack.Component.class), "dev", true));
        Path keyFile = repo.resolve("local/api-key");
        boolean newKey = !Files.exists(keyFile);
        DevKey.ensure(keyFile);
        List<ServiceProcess> services = new ArrayList<>();
        Map<String, String> properties = new HashMap<>(stack.quarkusProperties());
        properties.put("ingest.drop.dir", dropDir.toString());
        properties.put("access.bootstrap-key-file", keyFile.toString());
        // index and query check keys with ingest under a shared token (past ingest's rate limits), from a file
        Path serviceToken = repo.resolve("local/service-token");
        DevKey.ensure(serviceToken);
        properties.put("access.service-token-file", serviceToken.toString());
        // the web app's upload page calls ingest-service from query-service's origin, whichever ports they got
        properties.put("quarkus.http.cors.origins", "/http://(127\\.0\\.0\\.1|localhost):[0-9]+/");
        // ingest first: the others check keys with it
        ServiceProcess ingest = startService("ingest-service", repo, 8081, properties, logDir);
        // one that dies is started again (on its port); the services stop before the servers they use
        stack.stopFirst(new ServiceWatchdog(ingest));
        services.add(ingest);
        properties.put("access.verify-url", ingest.url());
        properties.put("web.ingest-url", ingest.url());
        for (Map.Entry<String, Integer> service :
                List.of(Map.entry("index-service", 8082), Map.entry("query-service", 8080))) {
            ServiceProcess started = startService(service.getKey(), repo, service.getValue(), properties, logDir);
            stack.stopFirst(new ServiceWatchdog(started));
            services.add(started);
        }

        ServiceProcess query = services.get(2);
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
        System.out.println(
                "  more keys  ./podsearch keys create --name NAME --role read|ingest|admin  (keys list, keys revoke ID)");
        System.out.printf("  drop files into %s%n", dropDir.resolve("incoming"));
        services.forEach(s -> System.out.printf("  %-15s %s  (log %s)%n", s.name(), s.url(), s.log()));
        stack.locations().forEach((name, where) -> System.out.printf("  %-15s %s%n", name, where));
        System.out.println("Press Ctrl-C to stop everything.");
        waitForever();
    }

    private static ServiceProcess startService(
            String name, Path repo, int port, Map<String, String> properties, Path logDir) {
        StackLog.info("starting %s", name);
        ServiceProcess service = ServiceProcess.start(name, repo.resolve(name), port, properties, logDir);
        StackLog.info("%-15s ready at %s", name, service.url());
        return service;
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
