package dev.podsearch.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Three nodes of one server that make one cluster ({@link KafkaCluster}, {@link OpenSearchCluster}): started one after
 * the other (they share the download cache and the unpacked distribution), then awaited all at once (none is ready
 * before a quorum of them runs); each node is also a server of its own, for faults ({@link ServerFaults}).
 */
abstract class NodeCluster<N extends Server> implements Server {

    static final int NODES = 3;

    /** Three nodes starting at once on two cores (beside the other servers) take far longer than one. */
    static final Duration STARTUP = Duration.ofMinutes(6);

    private final String name;
    private final Function<N, String> address;
    protected final List<N> nodes = new ArrayList<>();

    /** @param address where a node answers its clients */
    NodeCluster(String name, Function<N, String> address) {
        this.name = name;
        this.address = address;
    }

    /** Starts the node's process without waiting for it to answer. */
    abstract void launch(N node);

    /** Waits until the node answers as a member of the cluster. */
    abstract void awaitReady(N node, Duration timeout);

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        nodes.forEach(this::launch);
        CompletableFuture.allOf(nodes.stream()
                        .map(node -> CompletableFuture.runAsync(() -> awaitReady(node, STARTUP)))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    @Override
    public void stop() {
        nodes.forEach(Server::stop);
    }

    @Override
    public List<? extends Server> nodes() {
        return nodes;
    }

    /** Every node's address, comma-separated, as clients list them. */
    String addresses() {
        return nodes.stream().map(address).collect(Collectors.joining(","));
    }

    @Override
    public String location() {
        return addresses() + " (" + nodes.size() + " nodes)";
    }
}
