package dev.podsearch.testing.stack;

import dev.podsearch.stack.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops a service the way Kubernetes and Ctrl-C do (SIGTERM) and says how long it took, or, when it is still running
 * after the bound, writes its threads next to its log (what it waits for) and says so: the shutdown tests' check that
 * a service stops within its shutdown timeout whatever state its servers are in.
 */
public final class GracefulStop {

    private GracefulStop() {}

    /** SIGTERM, then up to {@code bound} for the process to exit: the time it took, or empty (threads dumped). */
    public static Optional<Duration> terminate(ServiceProcess service, Duration bound) {
        ProcessHandle process = ProcessHandle.of(service.pid()).orElse(null);
        if (process == null) {
            return Optional.of(Duration.ZERO);
        }
        long start = System.nanoTime();
        process.destroy();
        try {
            process.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.err.printf("[stack] %s stopped %d ms after SIGTERM%n", service.name(), took.toMillis());
            return Optional.of(took);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            if (!process.isAlive()) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            dumpThreads(process, threadDump(service));
            return Optional.empty();
        }
    }

    /** Where {@link #terminate} writes the threads of a service that did not stop: beside its log. */
    public static Path threadDump(ServiceProcess service) {
        return service.log().resolveSibling(service.name() + ".threads.txt");
    }

    private static void dumpThreads(ProcessHandle process, Path file) {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        try {
            new ProcessBuilder(jstack.toString(), Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(file.toFile())
                    .start()
                    .waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.printf("[stack] could not dump the threads of process %d: %s%n", process.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
