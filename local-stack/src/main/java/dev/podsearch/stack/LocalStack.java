package dev.podsearch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Real PostgreSQL, Kafka and OpenSearch servers as local processes, provisioned from Maven Central.
 *
 * <p>{@link #start} returns once every requested server answers requests; {@link #close} (also run by a JVM shutdown
 * hook, so Ctrl-C works) stops every process it started. Any server can be replaced by an existing one through
 * configuration: {@code PODSEARCH_POSTGRES_URL} (+ {@code _USER}, {@code _PASSWORD}), {@code PODSEARCH_KAFKA_BOOTSTRAP},
 * {@code PODSEARCH_OPENSEARCH_URL} (or the same names lower-cased and dotted as system properties).
 */
public final class LocalStack implements RunningStack {

    public enum Component {
        POSTGRES,
        KAFKA,
        OPENSEARCH
    }

    /**
     * @param components the servers to run
     * @param dataName keep data under this name between runs; null for a throw-away run deleted on close
     * @param defaultPorts try the well-known ports first (5432, 9092, 9200) instead of any free port
     * @param cluster three Kafka nodes and three OpenSearch nodes instead of one of each ({@link KafkaCluster},
     *     {@link OpenSearchCluster})
     */
    public record Options(
            Set<Component> components,
            String dataName,
            boolean defaultPorts,
            boolean durable,
            boolean scramKafka,
            boolean cluster) {

        /** Kept data is written durably; throw-away data fast (PostgreSQL without fsync and synchronous commit). */
        public Options(Set<Component> components, String dataName, boolean defaultPorts) {
            this(components, dataName, defaultPorts, dataName != null, false, false);
        }

        /** Three nodes each of Kafka and OpenSearch, replicated as the production overlay asks. */
        public Options asCluster() {
            if (scramKafka) {
                throw new IllegalArgumentException("a cluster runs without the SCRAM listener");
            }
            return new Options(components, dataName, defaultPorts, durable, false, true);
        }

        public static Options ephemeral(Set<Component> components) {
            return new Options(components, null, false);
        }

        /** Kafka also listens with SASL_SSL and SCRAM-SHA-512 and enforces ACLs there ({@link #scramKafka()}). */
        public Options withScramKafka() {
            return new Options(components, dataName, defaultPorts, durable, true, cluster);
        }

        /**
         * Throw-away data written as durably as kept data: for crash tests, where a commit PostgreSQL acknowledged must
         * survive its kill -9 (with {@code synchronous_commit=off} the last acknowledged commits are lost with it).
         */
        public static Options ephemeralDurable(Set<Component> components) {
            return new Options(components, null, false, true, false, false);
        }
    }

    private final List<Server> servers;
    private final Path runDir;
    private final boolean ephemeral;
    private final Thread shutdownHook;
    private final List<AutoCloseable> clients = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private LocalStack(List<Server> servers, Path runDir, boolean ephemeral) {
        this.servers = servers;
        this.runDir = runDir;
        this.ephemeral = ephemeral;
        this.shutdownHook = new Thread(this::stopAll, "local-stack-shutdown");
    }

    public static LocalStack start(Options options) {
        StackHome home = StackHome.resolve();
        ManagedProcess.reapOrphans(home);
        boolean ephemeral = options.dataName() == null;
        String runName = ephemeral
                ? "tmp-" + ProcessHandle.current().pid() + "-" + Instant.now().toEpochMilli()
                : options.dataName();
        Path runDir = home.runs().resolve(runName);
        List<Server> servers = new ArrayList<>();
        for (Component component : EnumSet.copyOf(options.components())) {
            servers.add(StackServers.of(component, home, runDir, options));
        }
        LocalStack stack = new LocalStack(servers, runDir, ephemeral);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        long started = System.nanoTime();
        StackLog.info("starting %s (home %s)", options.components(), home.root());
        try {
            CompletableFuture.allOf(servers.stream()
                            .map(server -> CompletableFuture.runAsync(() -> startOne(server)))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            stack.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        StackLog.info(
                "ready in %.1f s", Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        return stack;
    }

    private static void startOne(Server server) {
        long started = System.nanoTime();
        server.start();
        StackLog.info(
                "%-10s ready at %s (%.1f s)", server.name(), server.location(), (System.nanoTime() - started) / 1e9);
    }

    @Override
    public Map<String, String> quarkusProperties() {
        Map<String, String> properties = new TreeMap<>();
        servers.forEach(server -> properties.putAll(server.quarkusProperties()));
        return Collections.unmodifiableMap(properties);
    }

    /** Where each server listens, by name, for people. */
    public Map<String, String> locations() {
        Map<String, String> locations = new LinkedHashMap<>();
        servers.forEach(server -> locations.put(server.name(), server.location()));
        return locations;
    }

    @Override
    public void interrupt(Component component) {
        server(component).stop();
        StackLog.info("%s stopped (outage)", server(component).name());
    }

    @Override
    public void resume(Component component) {
        startOne(server(component));
    }

    /** How many processes make up the component: 3 for Kafka and OpenSearch in a cluster, 1 otherwise. */
    public int nodes(Component component) {
        return server(component).nodes().size();
    }

    /** kill -9 and SIGSTOP of the servers, for crash tests. */
    public ServerFaults faults() {
        return new ServerFaults(this::server);
    }

    private Server server(Component component) {
        String name = component.name().toLowerCase(java.util.Locale.ROOT);
        return servers.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not part of this stack"));
    }

    /** The SASL_SSL listener of a Kafka started with {@link Options#withScramKafka()}. */
    public ScramKafka scramKafka() {
        if (server(Component.KAFKA) instanceof KafkaServer kafka) {
            return kafka.scram();
        }
        throw new IllegalStateException("Kafka is external here, not started with SCRAM");
    }

    public Path runDir() {
        return runDir;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or ran
        }
    }

    /**
     * Something that uses the servers (a service), closed before they stop, last added first, also when the stack is
     * stopped by its shutdown hook: JVM shutdown hooks run in no set order, so a client with a hook of its own could
     * still be stopping when its servers are gone (a Kafka consumer then cannot leave its group, and the next one to
     * join waits out the old member's session).
     */
    public void stopFirst(AutoCloseable client) {
        clients.add(client);
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable client : clients.reversed()) {
            try {
                client.close();
            } catch (Exception e) {
                StackLog.info("could not stop %s: %s", client, e.getMessage());
            }
        }
        StackLog.info("stopping %s", servers.stream().map(Server::name).toList());
        CompletableFuture.allOf(servers.stream()
                        .map(server -> CompletableFuture.runAsync(() -> stopQuietly(server)))
                        .toArray(CompletableFuture[]::new))
                .join();
        if (ephemeral) {
            try {
                Archives.deleteTree(runDir);
            } catch (RuntimeException e) {
                StackLog.info("could not delete %s: %s", runDir, e.getMessage());
            }
        }
        StackLog.info("stopped");
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (RuntimeException e) {
            StackLog.info("stopping %s failed: %s", server.name(), e.getMessage());
        }
    }
}
