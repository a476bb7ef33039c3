package dev.podsearch.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as its own process, with two ports: the
 * public one ({@link #url}: the API) and the management one ({@link #managementUrl}: health, metrics, OpenAPI, Swagger
 * UI, which the public port does not serve).
 */
public final class ServiceProcess implements AutoCloseable {

    /** Management port = public port + this, as in the services' own settings (query 8080 and 9080). */
    public static final int MANAGEMENT_OFFSET = 1000;

    private final String name;
    private final int port;
    private final int managementPort;
    private final ManagedProcess process;
    private final Path module;
    private final Map<String, String> properties;
    private final Path logDir;

    private ServiceProcess(
            String name,
            int port,
            int managementPort,
            ManagedProcess process,
            Path module,
            Map<String, String> properties,
            Path logDir) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.module = module;
        this.properties = Map.copyOf(properties);
        this.logDir = logDir;
    }

    /**
     * Starts the service and waits until its readiness check ({@code /q/health/ready}, on the management port) is UP.
     *
     * @param module the service's module folder (holding {@code target/quarkus-app})
     * @param preferredPort the port to use when free; another free one otherwise (0: any). The management port is
     *     this one + {@value #MANAGEMENT_OFFSET} when free (the services' own defaults: 8081 and 9081), any otherwise
     * @param properties configuration passed as system properties
     */
    public static ServiceProcess start(
            String name, Path module, int preferredPort, Map<String, String> properties, Path logDir) {
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " does not exist: build the services first (./mvnw package -DskipTests)");
        }
        int port = Ports.pick(preferredPort);
        int managementPort = Ports.pick(preferredPort > 0 ? preferredPort + MANAGEMENT_OFFSET : 0);
        return launch(name, module, port, managementPort, properties, logDir);
    }

    /** The same service again, on the same port and with the same settings (its log continues): after it died. */
    public ServiceProcess restart() {
        process.stop();
        return launch(name, module, port, managementPort, properties, logDir);
    }

    /** kill -9: the process dies at once, with no shutdown; {@link #restart} starts it again. */
    public void kill() {
        ProcessSignals.killTree(process.handle());
    }

    /** The service's process, for signals ({@link ProcessSignals}). */
    public ProcessHandle handle() {
        return process.handle();
    }

    /** Whether its process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Its process's exit code; only once it has exited. */
    public int exitCode() {
        return process.exitCode();
    }

    private static ServiceProcess launch(
            String name, Path module, int port, int managementPort, Map<String, String> properties, Path logDir) {
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                memoryOptions(module),
                // JBoss Threads resets thread locals by reflection: JDK 24+ needs java.lang opened
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                // ONNX Runtime and the DJL tokenizer (embeddings) load native libraries: JDK 24+ warns without this
                "--enable-native-access=ALL-UNNAMED",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort));
        // Extra JVM options for the services, e.g. a flight recording: PODSEARCH_SERVICE_JVM_OPTS
        String extra = StackHome.setting("podsearch.service.jvm-opts", "PODSEARCH_SERVICE_JVM_OPTS");
        if (extra != null) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        StackHome home = StackHome.resolve();
        // glibc keeps one malloc arena per busy thread by default (8 per core), each holding what it freed
        ManagedProcess process = ManagedProcess.start(
                home, name, command, Map.of("MALLOC_ARENA_MAX", "2"), module, logDir.resolve(name + ".log"));
        ServiceProcess service = new ServiceProcess(name, port, managementPort, process, module, properties, logDir);
        try {
            Readiness.await(name + " on port " + port, Duration.ofSeconds(120), process, service::checkReady);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        return service;
    }

    /**
     * The module's own JVM memory settings ({@code src/main/jvm/memory.options}, a java argument file the container
     * image reads too) where it has them, else {@code -Xmx} of {@code PODSEARCH_SERVICE_HEAP} (512m).
     */
    private static String memoryOptions(Path module) {
        Path options = module.resolve("src/main/jvm/memory.options");
        if (Files.isRegularFile(options)) {
            return "@" + options.toAbsolutePath();
        }
        return "-Xmx" + StackHome.settingOr("podsearch.service.heap", "PODSEARCH_SERVICE_HEAP", "512m");
    }

    /** Throws unless {@code /q/health/ready} answers 200 (the probe of {@link Readiness#await}: a throw is "not yet"). */
    private void checkReady() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("readiness answered " + response.statusCode() + ": " + response.body());
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The public port's address: the API (and query-service's web app). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** The management port's address: {@code /q/health/*}, {@code /q/metrics}, {@code /q/openapi}, {@code /q/swagger-ui}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return process.log();
    }

    /** The service's process id (benchmarks read its threads' CPU time from {@code /proc}). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop();
    }
}
