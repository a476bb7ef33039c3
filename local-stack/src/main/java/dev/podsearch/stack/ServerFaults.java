package dev.podsearch.stack;

import java.util.List;
import java.util.function.Function;

/**
 * Crash-test faults of the servers of a {@link LocalStack}: {@code kill -9} and a start again on the same port and
 * data, and {@code SIGSTOP}/{@code SIGCONT}. Each acts on the server's whole process tree: on every node of a cluster,
 * or, given a node's number (0 to {@link LocalStack#nodes} − 1), on that node alone.
 */
public final class ServerFaults {

    private final Function<LocalStack.Component, Server> servers;

    ServerFaults(Function<LocalStack.Component, Server> servers) {
        this.servers = servers;
    }

    /**
     * Kills the server with SIGKILL (no shutdown of any kind), then starts it again with the same port and data
     * directory and returns once it answers requests. Its own recovery (PostgreSQL's WAL replay, Kafka's log
     * recovery, OpenSearch's translog) is what is tested.
     */
    public void crashAndRestart(LocalStack.Component component) {
        crash(component);
        restart(component);
    }

    /** Kills the server (every node of a cluster) with SIGKILL and waits until every process of it is gone. */
    public void crash(LocalStack.Component component) {
        servers.apply(component).nodes().forEach(ServerFaults::crash);
    }

    /** Kills one node of the component with SIGKILL and waits until every process of it is gone. */
    public void crash(LocalStack.Component component, int node) {
        crash(node(component, node));
    }

    private static void crash(Server server) {
        ProcessSignals.killTree(server.process());
        StackLog.info("%s killed (SIGKILL)", server.name());
        server.afterCrash();
        server.stop(); // forgets the dead process (its pid file)
    }

    /**
     * Stops one node the way an operator would for a rolling restart: SIGTERM, so it shuts down cleanly (Kafka hands
     * its partition leadership over, OpenSearch leaves the cluster), and SIGKILL only after a grace period; returns
     * once it is gone. {@link #restart(LocalStack.Component, int)} starts it again.
     */
    public void stopGracefully(LocalStack.Component component, int node) {
        Server server = node(component, node);
        server.stop();
        StackLog.info("%s stopped (SIGTERM)", server.name());
    }

    /** Starts a crashed server again on its port with its data; returns once it answers requests. */
    public void restart(LocalStack.Component component) {
        Server server = servers.apply(component);
        server.start();
        StackLog.info("%s started again at %s", server.name(), server.location());
    }

    /** Starts one crashed node again on its ports with its data; returns once it answers requests. */
    public void restart(LocalStack.Component component, int node) {
        Server server = node(component, node);
        server.start();
        StackLog.info("%s started again at %s", server.name(), server.location());
    }

    /** The process of one node (a wrapper, maybe: its tree holds the real server). */
    public ProcessHandle process(LocalStack.Component component, int node) {
        return node(component, node).process();
    }

    private Server node(LocalStack.Component component, int node) {
        List<? extends Server> nodes = servers.apply(component).nodes();
        if (node < 0 || node >= nodes.size()) {
            throw new IllegalArgumentException(component + " has " + nodes.size() + " node(s): no node " + node);
        }
        return nodes.get(node);
    }

    /** The process the stack started for the server (a wrapper, maybe: its tree holds the real server). */
    public ProcessHandle process(LocalStack.Component component) {
        return servers.apply(component).process();
    }

    /** Freezes the server (SIGSTOP to its tree) and returns the processes to {@link #resume}. */
    public List<ProcessHandle> pause(LocalStack.Component component) {
        List<ProcessHandle> tree = ProcessSignals.tree(servers.apply(component).process());
        ProcessSignals.stop(tree);
        return tree;
    }

    /** Lets the processes of {@link #pause} run again (SIGCONT). */
    public void resume(List<ProcessHandle> paused) {
        ProcessSignals.resume(paused);
    }
}
