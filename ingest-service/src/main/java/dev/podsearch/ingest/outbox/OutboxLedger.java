package dev.podsearch.ingest.outbox;

import dev.podsearch.events.consume.Backoff;
import dev.podsearch.ingest.TranscriptStatus;
import dev.podsearch.support.LogFields;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records what became of the events Kafka did not acknowledge, in a transaction of its own (so a failed round never
 * loses them): every failure counts an attempt and keeps its error; a passing one makes the event wait (the services'
 * one backoff policy, {@link Backoff}); one refused for good parks the event and fails its
 * upload with the reason, when the event is the upload's current revision.
 */
@ApplicationScoped
class OutboxLedger {

    /**
     * An event of a round that was not acknowledged; {@code attempts} as they were before this one; {@code traceId}
     * the upload's trace (its log lines carry it).
     */
    record Failed(long id, UUID episode, long revision, int attempts, SendFailure failure, String traceId) {}

    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration MAX_RETRY = Duration.ofSeconds(10);
    static final Backoff BACKOFF = Backoff.of(FIRST_RETRY, MAX_RETRY);

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(List<Failed> failures) {
        Instant now = Instant.now();
        for (Failed event : failures) {
            if (event.failure().permanent()) {
                park(event, now);
            } else {
                entityManager
                        .createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = :error,"
                                + " next_attempt_at = :next WHERE id = :id AND sent_at IS NULL")
                        .setParameter("error", event.failure().reason())
                        .setParameter("next", now.plus(BACKOFF.after(event.attempts() + 1)))
                        .setParameter("id", event.id())
                        .executeUpdate();
            }
        }
    }

    private void park(Failed event, Instant now) {
        entityManager
                .createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = :error,"
                        + " parked_at = :now, next_attempt_at = NULL WHERE id = :id AND sent_at IS NULL")
                .setParameter("error", event.failure().reason())
                .setParameter("now", now)
                .setParameter("id", event.id())
                .executeUpdate();
        int failed = entityManager
                .createQuery("UPDATE Transcript t SET t.status = :failed, t.statusReason = :reason, t.updatedAt = :now"
                        + " WHERE t.id = :id AND t.revision = :revision AND t.status = :received")
                .setParameter("failed", TranscriptStatus.FAILED)
                .setParameter("reason", event.failure().reason())
                .setParameter("now", now)
                .setParameter("id", event.episode())
                .setParameter("revision", event.revision())
                .setParameter("received", TranscriptStatus.RECEIVED)
                .executeUpdate();
        try (LogFields fields = LogFields.episode(event.episode(), event.revision())
                .with("outboxEventId", Long.toString(event.id()))
                .with(LogFields.TRACE, event.traceId())) {
            Log.errorf(
                    "outbox relay: event %d (episode %s revision %d) parked%s: %s",
                    event.id(),
                    event.episode(),
                    event.revision(),
                    failed == 1 ? ", upload FAILED" : " (a later revision of the episode replaces it)",
                    event.failure().reason());
        }
    }
}
