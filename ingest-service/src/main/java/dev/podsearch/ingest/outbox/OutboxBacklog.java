package dev.podsearch.ingest.outbox;

import dev.podsearch.ingest.IngestFacts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's backlog, read from the table every few seconds (every replica sees the same table):
 * {@code podsearch_ingest_outbox_backlog} (events waiting to be published, parked ones not counted) and
 * {@code podsearch_ingest_outbox_oldest_seconds} (how long the oldest of them has waited: the publish lag; 0 when none
 * waits). A backlog that grows, or an oldest event that keeps ageing, means nothing reaches Kafka.
 */
@ApplicationScoped
public class OutboxBacklog {

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestMillis = new AtomicLong();

    @Inject
    EntityManager entityManager;

    @Inject
    public OutboxBacklog(MeterRegistry metrics) {
        metrics.gauge(IngestFacts.OUTBOX_BACKLOG, waiting);
        metrics.gauge(IngestFacts.OUTBOX_OLDEST, oldestMillis, m -> m.get() / 1000.0);
    }

    @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                    .createNativeQuery("SELECT count(*), min(created_at) FROM outbox_event"
                            + " WHERE sent_at IS NULL AND parked_at IS NULL")
                    .getSingleResult());
            waiting.set(((Number) row[0]).longValue());
            Instant oldest = row[1] == null ? null : instant(row[1]);
            oldestMillis.set(
                    oldest == null
                            ? 0
                            : Math.max(
                                    0, Duration.between(oldest, Instant.now()).toMillis()));
        } catch (RuntimeException e) {
            Log.warnf("outbox: cannot read the backlog now: %s", e.getMessage());
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t
                ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
