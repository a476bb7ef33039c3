package dev.podsearch.e2e;

import dev.podsearch.stack.ServiceProcess;

/**
 * A service of the shared system that a test may kill and start again (AlertsIT's restart of alert-service): the
 * process as it runs now. A restart keeps the port and the settings, so the service's URL stays the same.
 */
final class RestartableService implements AutoCloseable {

    private volatile ServiceProcess service;

    RestartableService(ServiceProcess service) {
        this.service = service;
    }

    /** The service as it runs now. */
    ServiceProcess service() {
        return service;
    }

    /** kill -9 of the process (and its children); returns once it is gone. */
    void kill() {
        service.kill();
    }

    /** Starts it again on the same port, with the same settings; returns once it is ready. */
    synchronized void restart() {
        service = service.restart();
    }

    @Override
    public synchronized void close() {
        service.close();
    }
}
