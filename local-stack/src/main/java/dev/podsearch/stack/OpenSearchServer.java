package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * OpenSearch 3.6 (the integ-test distribution, every module) with the k-NN plugin, no security: a single node, or one
 * node of an {@link OpenSearchCluster}.
 */
final class OpenSearchServer implements Server {

    private static final int MINIMUM_JAVA = 21;

    private final StackHome home;
    private final Path runDir;
    private final String name;
    private final int preferredPort;
    private final String heap;
    private List<String> seeds = List.of();
    private List<String> managers = List.of();
    private int port;
    private int transportPort;
    private ManagedProcess process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    OpenSearchServer(StackHome home, Path runDir, int preferredPort, String heap) {
        this(home, runDir, "opensearch", preferredPort, heap);
    }

    /** @param name the node's name and the folder of its data under {@code runDir} */
    OpenSearchServer(StackHome home, Path runDir, String name, int preferredPort, String heap) {
        this.home = home;
        this.runDir = runDir.resolve(name);
        this.name = name;
        this.preferredPort = preferredPort;
        this.heap = heap;
    }

    /** Picks the node's ports now (a cluster's nodes find each other by their transport ports). */
    int reserveTransportPort() {
        if (port == 0) { // a restart keeps its ports
            port = Ports.pick(preferredPort);
            transportPort = Ports.pick(0);
        }
        return transportPort;
    }

    /**
     * Makes this node one of a cluster (before it starts).
     *
     * @param seeds every node's transport address
     * @param managers the names of the nodes eligible as cluster manager when the cluster first forms
     */
    void joinCluster(List<String> seeds, List<String> managers) {
        this.seeds = List.copyOf(seeds);
        this.managers = List.copyOf(managers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        launch();
        awaitReady();
    }

    /** Waits until the node answers with its cluster at least yellow. */
    void awaitReady() {
        // a node of a cluster, started again, also waits for its shards to recover beside its busy peers
        awaitReady(seeds.isEmpty() ? Duration.ofSeconds(180) : NodeCluster.STARTUP);
    }

    /** Waits until the node answers, at most {@code timeout}. */
    void awaitReady(Duration timeout) {
        Readiness.await("OpenSearch on port " + port, timeout, process, this::healthy);
    }

    /** Writes the node's configuration and starts its process, without waiting for it. */
    void launch() {
        Path javaHome = Jdks.require(MINIMUM_JAVA, "OpenSearch 3.6");
        Path dist = OpenSearchDistribution.unpacked(home, javaHome);
        reserveTransportPort();
        Path config = runDir.resolve("config");
        try {
            Files.createDirectories(runDir);
            OpenSearchDistribution.copyTree(dist.resolve("config"), config);
            Files.createDirectories(runDir.resolve("logs"));
            Files.createDirectories(runDir.resolve("data"));
            // jvm.options points GC logs, heap dumps and error files at paths relative to the distribution.
            Path jvmOptions = config.resolve("jvm.options");
            Files.writeString(
                    jvmOptions,
                    Files.readString(jvmOptions)
                            .replace("file=logs/", "file=" + runDir.resolve("logs") + "/")
                            .replace("=logs/", "=" + runDir.resolve("logs") + "/")
                            .replace("HeapDumpPath=data", "HeapDumpPath=" + runDir.resolve("data")));
            Files.writeString(
                    config.resolve("opensearch.yml"),
                    String.join(
                            "\n",
                            "cluster.name: podsearch-local",
                            "node.name: " + (seeds.isEmpty() ? "local" : name),
                            discovery(),
                            "network.host: 127.0.0.1",
                            "http.port: " + port,
                            "transport.port: " + transportPort,
                            "path.data: " + runDir.resolve("data"),
                            "path.logs: " + runDir.resolve("logs"),
                            "cluster.routing.allocation.disk.threshold_enabled: false",
                            "action.auto_create_index: false",
                            "http.max_content_length: 200mb",
                            ""));
            ServiceUser.own(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceUser.openPath(dist);
        List<String> command = new ArrayList<>(ServiceUser.commandPrefix());
        command.add(dist.resolve("bin/opensearch").toString());
        Map<String, String> environment = Map.of(
                "OPENSEARCH_JAVA_HOME", javaHome.toString(),
                "OPENSEARCH_PATH_CONF", config.toString(),
                "OPENSEARCH_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap,
                "HOME", runDir.toString());
        process = ManagedProcess.start(home, name(), command, environment, runDir, runDir.resolve("opensearch.log"));
    }

    private String discovery() {
        if (seeds.isEmpty()) {
            return "discovery.type: single-node";
        }
        return "discovery.seed_hosts: [" + String.join(", ", seeds) + "]\n" + "cluster.initial_cluster_manager_nodes: ["
                + String.join(", ", managers) + "]";
    }

    private void healthy() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                        .timeout(Duration.ofSeconds(3))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("cluster health answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public ProcessHandle process() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name() + " is not running");
        }
        return process.handle();
    }

    @Override
    public String location() {
        return url();
    }

    @Override
    public Map<String, String> quarkusProperties() {
        return Map.of("opensearch.hosts", url());
    }
}
