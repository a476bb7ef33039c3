package dev.podsearch.alert.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records deliveries (table {@code alert_delivery}, status {@code pending}, due now) in one transaction, before the
 * matched records' offsets are committed. {@code ON CONFLICT DO NOTHING} on (alert, episode, revision, phase): a
 * replayed or re-read event adds no second delivery; the first keeps its id.
 */
@ApplicationScoped
public class DeliveryWriter {

    /** A delivery to record: its id is the one its payload carries. */
    public record Pending(UUID id, UUID alertId, String episodeId, long revision, String phase, String payload) {}

    @Inject
    EntityManager entities;

    /** Records the deliveries; returns how many were new. */
    @Transactional
    public int record(List<Pending> deliveries, Instant now, Instant giveUpAt) {
        int added = 0;
        for (Pending d : deliveries) {
            added += entities.createNativeQuery(
                            "INSERT INTO alerts.alert_delivery (id, alert_id, episode_id, revision, phase, payload,"
                                    + " status, next_attempt_at, give_up_at, created_at)"
                                    + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), 'pending', ?7, ?8, ?7)"
                                    + " ON CONFLICT (alert_id, episode_id, revision, phase) DO NOTHING")
                    .setParameter(1, d.id())
                    .setParameter(2, d.alertId())
                    .setParameter(3, d.episodeId())
                    .setParameter(4, d.revision())
                    .setParameter(5, d.phase())
                    .setParameter(6, d.payload())
                    .setParameter(7, Timestamp.from(now))
                    .setParameter(8, Timestamp.from(giveUpAt))
                    .executeUpdate();
        }
        return added;
    }
}
