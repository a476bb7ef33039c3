package dev.podsearch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Three OpenSearch nodes, each eligible as cluster manager and each holding data (one may be down), with small heaps
 * so the whole cluster fits a 2-core machine. The services are told to give every index one replica
 * ({@code indexer.replicas}), so a node's loss loses no shard.
 */
final class OpenSearchCluster implements Server {

    static final int NODES = 3;

    /** Three nodes starting at once on two cores (beside the other servers) take far longer than one. */
    static final Duration STARTUP = Duration.ofMinutes(6);

    private final List<OpenSearchServer> nodes = new ArrayList<>();

    OpenSearchCluster(StackHome home, Path runDir, String heap) {
        List<String> seeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int id = 1; id <= NODES; id++) {
            OpenSearchServer node = new OpenSearchServer(home, runDir, "opensearch-" + id, 0, heap);
            seeds.add("127.0.0.1:" + node.reserveTransportPort());
            names.add(node.name());
            nodes.add(node);
        }
        nodes.forEach(node -> node.joinCluster(seeds, names));
    }

    @Override
    public String name() {
        return "opensearch";
    }

    /** Starts every node at once (the cluster forms once two managers see each other) and waits for each. */
    @Override
    public void start() {
        nodes.forEach(OpenSearchServer::launch);
        CompletableFuture.allOf(nodes.stream()
                        .map(node -> CompletableFuture.runAsync(() -> node.awaitReady(STARTUP)))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    @Override
    public void stop() {
        nodes.forEach(OpenSearchServer::stop);
    }

    @Override
    public List<? extends Server> nodes() {
        return nodes;
    }

    String urls() {
        return nodes.stream().map(OpenSearchServer::url).collect(Collectors.joining(","));
    }

    @Override
    public String location() {
        return urls() + " (3 nodes)";
    }

    @Override
    public Map<String, String> quarkusProperties() {
        return Map.of("opensearch.hosts", urls(), "indexer.replicas", "1");
    }
}
