package dev.podsearch.index.lease;

import io.quarkus.logging.Log;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a held lease alive while its job runs: renews it every third of its length, in a thread of its own (the job
 * may be blocked in a long request). The job calls {@link #check()} between steps and {@link #confirm()} before a step
 * that must not happen twice; closing releases the lease.
 */
public final class LeaseKeeper implements AutoCloseable {

    private final ClusterLease lease;
    private final ScheduledExecutorService timer;
    private ClusterLease.Held held;
    private volatile String lost;

    public LeaseKeeper(ClusterLease lease, ClusterLease.Held held) {
        this.lease = lease;
        this.held = held;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lease-" + held.job()).daemon().factory());
        long period = Math.max(1, lease.ttl().toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renewQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /** Throws {@link LeaseLostException} once the lease is known to be lost. */
    public void check() {
        if (lost != null) {
            throw new LeaseLostException(lost);
        }
    }

    /** Renews now, so the lease is certainly held for its full length from here; throws if it is lost. */
    public synchronized void confirm() {
        check();
        try {
            held = lease.renew(held);
        } catch (LeaseLostException e) {
            lost = e.getMessage();
            throw e;
        }
    }

    private synchronized void renewQuietly() {
        if (lost != null) {
            return;
        }
        try {
            held = lease.renew(held);
        } catch (LeaseLostException e) {
            lost = e.getMessage();
            Log.errorf("lease %s: %s; the job stops at its next step", held.job(), e.getMessage());
        } catch (RuntimeException e) {
            // OpenSearch unreachable for a moment: the next renewal tries again before the lease expires
            Log.warnf("lease %s: renewal by %s failed: %s", held.job(), lease.owner(), e.getMessage());
        }
    }

    /** Stops renewing and releases the lease (unless it was lost). */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (lost == null) {
            try {
                lease.release(held);
            } catch (RuntimeException e) {
                Log.warnf(
                        "lease %s: cannot release (%s); it expires at %s",
                        held.job(), e.getMessage(), held.lease().expiresAt());
            }
        }
    }
}
