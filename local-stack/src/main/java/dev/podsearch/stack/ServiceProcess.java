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

/** One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as its own process. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final ManagedProcess process;
    private final Path module;
    private final Map<String, String> properties;
    private final Path logDir;

    private ServiceProcess(
            String name, int port, ManagedProcess process, Path module, Map<String, String> properties, Path logDir) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.module = module;
        this.properties = Map.copyOf(properties);
        this.logDir = logDir;
    }

    /**
     * Starts the service and waits until its readiness check ({@code /q/health/ready}) is UP.
     *
     * @param module the service's module folder (holding {@code target/quarkus-app})
     * @param preferredPort the port to use when free; another free one otherwise
     * @param properties configuration passed as system properties
     */
    public static ServiceProcess start(
            String name, Path module, int preferredPort, Map<String, String> properties, Path logDir) {
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " does not exist: build the services first (./mvnw package -DskipTests)");
        }
        return launch(name, module, Ports.pick(preferredPort), properties, logDir);
    }

    /** The same service again, on the same port and with the same settings (its log continues): after it died. */
    public ServiceProcess restart() {
        process.stop();
        return launch(name, module, port, properties, logDir);
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
            String name, Path module, int port, Map<String, String> properties, Path logDir) {
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                memoryOptions(module),
                // JBoss Threads resets thread locals by reflection: JDK 24+ needs java.lang opened
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                // ONNX Runtime and the DJL tokenizer (embeddings) load native libraries: JDK 24+ warns without this
                "--enable-native-access=ALL-UNNAMED",
                "-Dquarkus.http.port=" + port));
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
        ServiceProcess service = new ServiceProcess(name, port, process, module, properties, logDir);
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
                        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
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

    public String url() {
        return "http://127.0.0.1:" + port;
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
