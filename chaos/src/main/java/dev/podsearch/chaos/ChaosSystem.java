package dev.podsearch.chaos;

import dev.podsearch.stack.DevKey;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for a crash test: PostgreSQL, Kafka and OpenSearch as local processes (throw-away data, written
 * durably: PostgreSQL with fsync and synchronous commit, as in production) and the
 * three packaged services, each its own process, with a drop folder, an admin key and no rate limits (the test is one
 * busy client). Services killed by a fault are started again here, on the same port, not by a watchdog: the run
 * decides when, so it can time the recovery. In a cluster ({@link ChaosOptions#cluster()}): three Kafka and three
 * OpenSearch nodes and two instances of each service; the client takes the instances in turn, so a call tried again
 * goes to the other one.
 */
public final class ChaosSystem implements AutoCloseable {

    private final LocalStack stack;
    private final Map<Target, List<ServiceProcess>> services = new EnumMap<>(Target.class);
    /** Each client thread takes the instances in turn: a request it tries again goes to the other instance. */
    private final ThreadLocal<int[]> turn = ThreadLocal.withInitial(() -> new int[1]);

    private final String adminKey;
    private final Path dropDir;

    private ChaosSystem(LocalStack stack, String adminKey, Path dropDir) {
        this.stack = stack;
        this.adminKey = adminKey;
        this.dropDir = dropDir;
    }

    /** Starts everything on the single-node stack and returns once every service is ready. */
    public static ChaosSystem start(Path repo, Path workDir) {
        return start(repo, workDir, false);
    }

    /** Starts everything (as a cluster or not) and returns once every service is ready. */
    public static ChaosSystem start(Path repo, Path workDir, boolean cluster) {
        Path dropDir = workDir.resolve("drop");
        Path logs = workDir.resolve("logs");
        Path keyFile = workDir.resolve("api-key");
        try {
            if (Files.exists(dropDir)) { // an earlier run's files: judged by that run, not this one
                try (var paths = Files.walk(dropDir)) {
                    for (Path path :
                            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(dropDir.resolve("incoming"));
            Files.deleteIfExists(keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStack.Options options = LocalStack.Options.ephemeralDurable(EnumSet.allOf(LocalStack.Component.class));
        LocalStack stack = LocalStack.start(cluster ? options.asCluster() : options);
        ChaosSystem system = new ChaosSystem(stack, DevKey.ensure(keyFile), dropDir);
        stack.stopFirst(system::stopServices); // also on Ctrl-C: the stack's shutdown hook stops them before itself
        try {
            Map<String, String> properties = new HashMap<>(stack.quarkusProperties());
            properties.put("ingest.drop.dir", dropDir.toString());
            properties.put("ingest.drop.poll-interval", "500ms");
            properties.put("access.bootstrap-key-file", keyFile.toString());
            properties.put("rate-limit.reads-capacity", "0");
            properties.put("rate-limit.keys-enabled", "false");
            for (Target target : List.of(Target.INGEST, Target.INDEX, Target.QUERY)) {
                List<ServiceProcess> instances = new ArrayList<>();
                for (int node = 0; node < target.instances(cluster); node++) {
                    String name = target.label(node, cluster);
                    instances.add(ServiceProcess.start(name, repo.resolve(target.service()), 0, properties, logs));
                }
                system.services.put(target, instances);
                if (target == Target.INGEST) { // the others check keys with every ingest-service, in turn
                    properties.put(
                            "access.verify-url",
                            String.join(
                                    ",",
                                    instances.stream().map(ServiceProcess::url).toList()));
                }
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** kill -9 of one node of a server or one instance of a service; returns once every process of it is gone. */
    void kill(Target target, int node) {
        if (target.isServer()) {
            stack.faults().crash(target.component(), node);
        } else {
            service(target, node).kill();
        }
    }

    /** Starts a killed node or instance again on its port (and data); returns once it answers. */
    void restart(Target target, int node) {
        if (target.isServer()) {
            stack.faults().restart(target.component(), node);
        } else {
            synchronized (services) {
                List<ServiceProcess> instances = services.get(target);
                instances.set(node, instances.get(node).restart());
            }
        }
    }

    /**
     * Stops one node or instance gracefully (SIGTERM; SIGKILL only after a grace period), as a rolling restart does;
     * {@link #restart} starts it again. A service's restart stops it itself, gracefully, so only servers are stopped
     * here.
     */
    void stopGracefully(Target target, int node) {
        if (target.isServer()) {
            stack.faults().stopGracefully(target.component(), node);
        }
    }

    /** Waits for a cluster to be whole again after a node's restart ({@link InSync}). */
    InSync inSync() {
        return new InSync(stack.quarkusProperties().get("kafka.bootstrap.servers"), openSearchUrls());
    }

    /** Finds and waits on the OpenSearch node holding the primaries ({@link PrimaryKill}). */
    PrimaryKill primaryKill() {
        return new PrimaryKill(openSearchUrls());
    }

    private List<String> openSearchUrls() {
        return List.of(stack.quarkusProperties().get("opensearch.hosts").split(","));
    }

    /** The processes of one node or instance, to freeze with SIGSTOP (the whole tree of a server). */
    List<ProcessHandle> processes(Target target, int node) {
        if (target.isServer()) {
            return dev.podsearch.stack.ProcessSignals.tree(stack.faults().process(target.component(), node));
        }
        return List.of(service(target, node).handle());
    }

    private ServiceProcess service(Target target, int node) {
        synchronized (services) {
            return services.get(target).get(node);
        }
    }

    /** An ingest-service's address: the instances in turn (one call each), so a call tried again goes elsewhere. */
    public String ingestUrl() {
        return next(Target.INGEST).url();
    }

    /** An ingest-service's management address (health, metrics), the instances in turn. */
    public String ingestManagementUrl() {
        return next(Target.INGEST).managementUrl();
    }

    /** A query-service's address, the instances in turn. */
    public String queryUrl() {
        return next(Target.QUERY).url();
    }

    private ServiceProcess next(Target target) {
        synchronized (services) {
            List<ServiceProcess> instances = services.get(target);
            return instances.get(Math.floorMod(turn.get()[0]++, instances.size()));
        }
    }

    public String adminKey() {
        return adminKey;
    }

    public Path dropDir() {
        return dropDir;
    }

    private void stopServices() {
        synchronized (services) {
            services.values().forEach(instances -> instances.forEach(ServiceProcess::close));
            services.clear();
        }
    }

    @Override
    public void close() {
        stack.close(); // the services first (stopFirst), then the servers
    }
}
