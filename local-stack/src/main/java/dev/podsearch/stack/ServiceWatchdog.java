package dev.podsearch.stack;

import java.time.Duration;

/**
 * Keeps one service of {@code up} running: when its process dies it is started again on the same port, after a
 * backoff that doubles from 1 s to 60 s (and starts over once the service has stayed up for 5 minutes), and the
 * console says so. Closing it stops the service and the watching.
 */
public final class ServiceWatchdog implements AutoCloseable {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final Duration STABLE = Duration.ofMinutes(5);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);

    private final Object lock = new Object();
    private final Thread watcher;
    private volatile ServiceProcess service;
    private volatile boolean closed;
    private int restarts;

    public ServiceWatchdog(ServiceProcess service) {
        this.service = service;
        this.watcher =
                Thread.ofPlatform().name("watchdog-" + service.name()).daemon().start(this::watch);
    }

    /** The service as it runs now (a restart makes a new process). */
    public ServiceProcess service() {
        return service;
    }

    /** How many times it was started again. */
    public int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    private void watch() {
        Duration backoff = FIRST_BACKOFF;
        long upSince = System.nanoTime();
        while (!closed) {
            if (service.isAlive()) {
                if (System.nanoTime() - upSince > STABLE.toNanos()) {
                    backoff = FIRST_BACKOFF;
                }
                if (!pause(CHECK_EVERY)) {
                    return;
                }
                continue;
            }
            StackLog.info(
                    "%s exited with code %d; starting it again in %d s (log %s)",
                    service.name(), service.exitCode(), backoff.toSeconds(), service.log());
            if (!pause(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            ServiceProcess next;
            try {
                next = service.restart(); // outside the lock: close() must not wait for a start
            } catch (RuntimeException e) {
                StackLog.info("%s did not start again: %s", service.name(), e.getMessage());
                continue;
            }
            synchronized (lock) {
                if (closed) { // closed while it started: it stops with the rest
                    next.close();
                    return;
                }
                service = next;
                restarts++;
            }
            upSince = System.nanoTime();
            StackLog.info("%s started again, ready at %s", next.name(), next.url());
        }
    }

    /** Waits, unless closed meanwhile; false when closed. */
    private boolean pause(Duration duration) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            try {
                lock.wait(duration.toMillis()); // woken early by close()
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        service.close();
    }
}
