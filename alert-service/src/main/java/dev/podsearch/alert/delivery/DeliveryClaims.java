package dev.podsearch.alert.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Which deliveries a replica sends now. A claim is short and leaves no transaction open while sending: in one
 * statement it picks due pending deliveries of live alerts, skipping rows another replica is claiming ({@code FOR
 * UPDATE SKIP LOCKED}), and moves their {@code next_attempt_at} ahead by the claim time, so no other replica picks them
 * meanwhile. A replica that dies before recording an outcome leaves them due again once the claim runs out: they are
 * sent again (at-least-once; receivers de-duplicate by the delivery id).
 */
@ApplicationScoped
class DeliveryClaims {

    @Inject
    EntityManager entityManager;

    @Inject
    DeliveryMeters meters;

    /** Cancels the pending deliveries of paused and deleted alerts: their webhooks stop. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int cancelInactive() {
        int cancelled = entityManager
                .createNativeQuery("UPDATE {h-schema}alert_delivery d SET status = 'cancelled',"
                        + " last_error = CASE WHEN a.deleted_at IS NULL THEN 'alert paused' ELSE 'alert deleted' END"
                        + " FROM {h-schema}alert a WHERE a.id = d.alert_id AND d.status = 'pending'"
                        + " AND (a.paused OR a.deleted_at IS NOT NULL)")
                .executeUpdate();
        if (cancelled > 0) {
            meters.count("cancelled", cancelled);
        }
        return cancelled;
    }

    /** Claims up to {@code limit} due deliveries for {@code claimFor}, the longest waiting first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claimed> claimDue(int limit, Duration claimFor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("UPDATE {h-schema}alert_delivery d"
                        + " SET next_attempt_at = now() + :claimMillis * interval '1 millisecond'"
                        + " FROM {h-schema}alert a WHERE a.id = d.alert_id AND d.id IN ("
                        + "   SELECT due.id FROM {h-schema}alert_delivery due"
                        + "   JOIN {h-schema}alert live ON live.id = due.alert_id"
                        + "   WHERE due.status = 'pending' AND due.next_attempt_at <= now()"
                        + "   AND NOT live.paused AND live.deleted_at IS NULL"
                        + "   ORDER BY due.next_attempt_at LIMIT :limit FOR UPDATE OF due SKIP LOCKED)"
                        + " RETURNING d.id, d.alert_id, d.episode_id, d.revision, d.payload::text, d.attempts,"
                        + " d.created_at, d.give_up_at, a.webhook_url, a.secret")
                .setParameter("claimMillis", claimFor.toMillis())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new Claimed(
                        (UUID) row[0],
                        (UUID) row[1],
                        (String) row[2],
                        ((Number) row[3]).longValue(),
                        (String) row[4],
                        ((Number) row[5]).intValue(),
                        Rows.instant(row[6]),
                        Rows.instant(row[7]),
                        (String) row[8],
                        (String) row[9]))
                .toList();
    }
}
