package dev.podsearch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three OpenSearch nodes, each eligible as cluster manager and each holding data (one may be down), with small heaps
 * so the whole cluster fits a 2-core machine. The services are told to give every index one replica
 * ({@code indexer.replicas}), so a node's loss loses no shard.
 */
final class OpenSearchCluster extends NodeCluster<OpenSearchServer> {

    OpenSearchCluster(StackHome home, Path runDir, String heap) {
        super("opensearch", OpenSearchServer::url);
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
    void launch(OpenSearchServer node) {
        node.launch();
    }

    @Override
    void awaitReady(OpenSearchServer node, Duration timeout) {
        node.awaitReady(timeout);
    }

    @Override
    public Map<String, String> quarkusProperties() {
        return Map.of("opensearch.hosts", addresses(), "indexer.replicas", "1");
    }
}
