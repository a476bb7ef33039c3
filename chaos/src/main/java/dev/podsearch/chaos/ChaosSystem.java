package dev.podsearch.chaos;

import dev.podsearch.stack.DevKey;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * decides when, so it can time the recovery.
 */
public final class ChaosSystem implements AutoCloseable {

    private final LocalStack stack;
    private final Map<Target, ServiceProcess> services = new EnumMap<>(Target.class);
    private final String adminKey;
    private final Path dropDir;

    private ChaosSystem(LocalStack stack, String adminKey, Path dropDir) {
        this.stack = stack;
        this.adminKey = adminKey;
        this.dropDir = dropDir;
    }

    /** Starts everything and returns once every service is ready. */
    public static ChaosSystem start(Path repo, Path workDir) {
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
        LocalStack stack =
                LocalStack.start(LocalStack.Options.ephemeralDurable(EnumSet.allOf(LocalStack.Component.class)));
        ChaosSystem system = new ChaosSystem(stack, DevKey.ensure(keyFile), dropDir);
        stack.stopFirst(system::stopServices); // also on Ctrl-C: the stack's shutdown hook stops them before itself
        try {
            Map<String, String> properties = new HashMap<>(stack.quarkusProperties());
            properties.put("ingest.drop.dir", dropDir.toString());
            properties.put("ingest.drop.poll-interval", "500ms");
            properties.put("access.bootstrap-key-file", keyFile.toString());
            properties.put("rate-limit.reads-capacity", "0");
            properties.put("rate-limit.keys-enabled", "false");
            ServiceProcess ingest =
                    ServiceProcess.start("ingest-service", repo.resolve("ingest-service"), 0, properties, logs);
            system.services.put(Target.INGEST, ingest);
            properties.put("access.verify-url", ingest.url());
            for (Target target : List.of(Target.INDEX, Target.QUERY)) {
                system.services.put(
                        target,
                        ServiceProcess.start(target.service(), repo.resolve(target.service()), 0, properties, logs));
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** kill -9 of a server or a service; returns once every process of it is gone. */
    void kill(Target target) {
        if (target.isServer()) {
            stack.faults().crash(target.component());
        } else {
            service(target).kill();
        }
    }

    /** Starts a killed target again on its port (and data); returns once it answers. */
    void restart(Target target) {
        if (target.isServer()) {
            stack.faults().restart(target.component());
        } else {
            synchronized (services) {
                services.put(target, services.get(target).restart());
            }
        }
    }

    /** The processes of a target, to freeze with SIGSTOP (the whole tree of a server). */
    List<ProcessHandle> processes(Target target) {
        if (target.isServer()) {
            return dev.podsearch.stack.ProcessSignals.tree(stackProcess(target));
        }
        return List.of(service(target).handle());
    }

    private ProcessHandle stackProcess(Target target) {
        return stack.faults().process(target.component());
    }

    private ServiceProcess service(Target target) {
        synchronized (services) {
            return services.get(target);
        }
    }

    public String ingestUrl() {
        return service(Target.INGEST).url();
    }

    public String queryUrl() {
        return service(Target.QUERY).url();
    }

    public String adminKey() {
        return adminKey;
    }

    public Path dropDir() {
        return dropDir;
    }

    private void stopServices() {
        synchronized (services) {
            services.values().forEach(ServiceProcess::close);
            services.clear();
        }
    }

    @Override
    public void close() {
        stack.close(); // the services first (stopFirst), then the servers
    }
}
