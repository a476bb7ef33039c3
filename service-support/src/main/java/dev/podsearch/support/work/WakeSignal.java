package dev.podsearch.support.work;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a background worker that polls (ingest's outbox relay, alert-service's delivery dispatcher) waits between rounds:
 * until its poll interval or backoff has passed, or until someone has new work for it now ({@link #wake}). A wake that
 * comes while the worker is busy is kept, so its next wait ends at once and nothing recorded meanwhile waits a whole
 * interval.
 */
public final class WakeSignal {

    private final Object lock = new Object();
    private boolean requested;

    /** Ends the current wait, or the next one if the worker is not waiting. */
    public void wake() {
        synchronized (lock) {
            requested = true;
            lock.notifyAll();
        }
    }

    /**
     * Waits up to {@code timeout} unless woken since the last wait, or {@code running} says the worker is stopping.
     *
     * @return false when the thread was interrupted (the worker should stop), true otherwise
     */
    public boolean await(Duration timeout, BooleanSupplier running) {
        synchronized (lock) {
            try {
                if (!requested && running.getAsBoolean()) {
                    lock.wait(Math.max(1, timeout.toMillis()));
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                requested = false;
            }
        }
    }
}
