package dev.podsearch.ingest.outbox;

import dev.podsearch.ingest.IngestFacts;
import dev.podsearch.ingest.TranscriptStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events the relay parked (Kafka refused them for good): listed, counted ({@code podsearch_ingest_outbox_parked},
 * the readiness detail) and handed back to the relay by an operator after a fix.
 */
@ApplicationScoped
public class ParkedEvents {

    /** A parked event as the admin API shows it; the payload itself stays in the database. */
    public record Parked(
            long id,
            String topic,
            UUID episodeId,
            long revision,
            String eventType,
            long payloadBytes,
            Instant createdAt,
            Instant parkedAt,
            int attempts,
            String lastError) {}

    private static final String SELECT = "SELECT id, topic, episode_id, revision, event_type, octet_length(payload),"
            + " created_at, parked_at, attempts, last_error FROM outbox_event"
            + " WHERE parked_at IS NOT NULL AND sent_at IS NULL";

    private final AtomicLong count = new AtomicLong();

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Inject
    public ParkedEvents(MeterRegistry metrics) {
        metrics.gauge(IngestFacts.OUTBOX_PARKED, count);
    }

    /** The last count seen (this instance's parking, a retry, or the periodic refresh: other replicas share the table). */
    public long count() {
        return count.get();
    }

    @Scheduled(every = "30s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            count.set(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                            .createNativeQuery("SELECT count(*) FROM outbox_event"
                                    + " WHERE parked_at IS NOT NULL AND sent_at IS NULL")
                            .getSingleResult())
                    .longValue()));
        } catch (RuntimeException e) {
            Log.warnf("outbox: cannot count parked events now: %s", e.getMessage());
        }
    }

    /** Oldest first, from {@code afterId} on. */
    @Transactional
    public List<Parked> list(long afterId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(SELECT + " AND id > :after ORDER BY id LIMIT :limit")
                .setParameter("after", afterId)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(ParkedEvents::view).toList();
    }

    /** Hands a parked event back to the relay; its upload is {@code RECEIVED} again. Empty: no such parked event. */
    public Optional<Parked> retry(long id) {
        List<Parked> retried = QuarkusTransaction.requiringNew().call(() -> unpark(" AND id = :id", id));
        afterRetry(retried.size());
        return retried.stream().findFirst();
    }

    /** Hands every parked event back to the relay; what was handed back. */
    public List<Parked> retryAll() {
        List<Parked> retried = QuarkusTransaction.requiringNew().call(() -> unpark("", null));
        afterRetry(retried.size());
        return retried;
    }

    private void afterRetry(int retried) {
        refresh();
        if (retried > 0) {
            relay.wakeUp();
        }
    }

    /** Plain SQL: a parked event may be tens of megabytes, which neither the listing nor the update reads. */
    private List<Parked> unpark(String condition, Long id) {
        var query = entityManager.createNativeQuery(SELECT + condition + " ORDER BY id FOR UPDATE");
        if (id != null) {
            query.setParameter("id", id);
        }
        @SuppressWarnings("unchecked")
        List<Parked> parked = ((List<Object[]>) query.getResultList())
                .stream().map(ParkedEvents::view).toList();
        Instant now = Instant.now();
        for (Parked event : parked) {
            entityManager
                    .createNativeQuery(
                            "UPDATE outbox_event SET parked_at = NULL, next_attempt_at = NULL WHERE id = :id")
                    .setParameter("id", event.id())
                    .executeUpdate();
            entityManager
                    .createQuery("UPDATE Transcript t SET t.status = :received, t.statusReason = NULL,"
                            + " t.updatedAt = :now WHERE t.id = :id AND t.revision = :revision AND t.status = :failed")
                    .setParameter("received", TranscriptStatus.RECEIVED)
                    .setParameter("now", now)
                    .setParameter("id", event.episodeId())
                    .setParameter("revision", event.revision())
                    .setParameter("failed", TranscriptStatus.FAILED)
                    .executeUpdate();
            Log.infof(
                    "outbox: event %d (episode %s revision %d) handed back to the relay",
                    event.id(), event.episodeId(), event.revision());
        }
        return parked;
    }

    private static Parked view(Object[] row) {
        return new Parked(
                ((Number) row[0]).longValue(),
                (String) row[1],
                (UUID) row[2],
                ((Number) row[3]).longValue(),
                (String) row[4],
                ((Number) row[5]).longValue(),
                instant(row[6]),
                instant(row[7]),
                ((Number) row[8]).intValue(),
                (String) row[9]);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.time.OffsetDateTime time -> time.toInstant();
            default -> null;
        };
    }
}
