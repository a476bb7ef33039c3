package dev.podsearch.support.access;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Revocation in seconds: asks the ingest service every {@code interval} which keys were revoked since the last
 * answer ({@code GET /v1/access/revocations}, as a service) and drops them from the {@link KeyCache}. A revoked key
 * stops working here within about the interval (1 s by default), not the cache's TTL. Each answer's {@code now} is
 * the next question's {@code since}, less a margin for the clocks of several ingest replicas. If the ingest service
 * cannot be asked, the cache's TTL still bounds how long a revoked key works.
 */
public final class RevocationPoller implements AutoCloseable {

    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    private final KeyCheckClient client;
    private final KeyCache cache;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "key-revocations");
        thread.setDaemon(true);
        return thread;
    });
    private Instant since = Instant.now().minus(CLOCK_MARGIN);

    public RevocationPoller(KeyCheckClient client, KeyCache cache) {
        this.client = client;
        this.cache = cache;
    }

    public RevocationPoller start(Duration interval) {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    void poll() {
        try {
            KeyCheckClient.Revocations answer = client.revokedSince(since);
            cache.forget(answer.keyIds());
            since = answer.now().minus(CLOCK_MARGIN);
        } catch (RuntimeException e) {
            Log.debugf("revoked keys cannot be asked about now (%s); the cache's TTL bounds them", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
