package dev.podsearch.e2e;

import dev.podsearch.stack.ServiceProcess;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A query-service with search private ({@code query.require-key=true}) and otherwise ./podsearch up's access settings
 * ({@link PodsearchSystem.Running#startQueryAsUp}), the meaning model off (the classes using it search by keyword):
 * started on first use and shared by the classes that need one (PrivateWebAppIT's browser, KeysOnTwoInstancesIT's
 * first instance) for the rest of the run, so the run starts it once; closed with the system.
 */
final class PrivateSearch implements AutoCloseable {

    /** The settings that differ from the shared system's public query-service (besides up's read limit). */
    static final Map<String, String> SETTINGS = Map.of("query.require-key", "true", "embedding.enabled", "false");

    private final Supplier<ServiceProcess> start;
    private ServiceProcess running;

    PrivateSearch(Supplier<ServiceProcess> start) {
        this.start = start;
    }

    /** The shared instance, started (and awaited ready) by the first call. */
    synchronized ServiceProcess get() {
        if (running == null) {
            running = start.get();
        }
        return running;
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
        }
    }
}
