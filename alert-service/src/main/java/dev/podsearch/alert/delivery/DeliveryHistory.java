package dev.podsearch.alert.delivery;

import dev.podsearch.alert.AlertConfig;
import dev.podsearch.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An alert's deliveries with their attempts, and a failed one sent again by hand. */
@ApplicationScoped
class DeliveryHistory {

    @Inject
    EntityManager entityManager;

    @Inject
    AlertConfig config;

    @Inject
    DeliveryMeters meters;

    @Inject
    DeliveryDispatcher dispatcher;

    /** Who owns a live (not deleted) alert, and whether it is paused. */
    record AlertRef(UUID id, String owner, boolean paused) {}

    @Transactional
    Optional<AlertRef> alert(UUID alertId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT owner, paused FROM {h-schema}alert WHERE id = :id AND deleted_at IS NULL")
                .setParameter("id", alertId)
                .getResultList();
        return rows.stream().findFirst().map(row -> new AlertRef(alertId, (String) row[0], (Boolean) row[1]));
    }

    /** Page {@code page} of {@code size} of the alert's deliveries, newest first, each with its attempts. */
    @Transactional
    DeliveryView.Page page(UUID alertId, long page, long size) {
        long total = ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM {h-schema}alert_delivery WHERE alert_id = :alert")
                        .setParameter("alert", alertId)
                        .getSingleResult())
                .longValue();
        if (page * size >= total) {
            return new DeliveryView.Page(List.of(), page, size, total);
        }
        List<Object[]> rows = rows("WHERE alert_id = :alert ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .setParameter("alert", alertId)
                .setParameter("size", size)
                .setParameter("offset", page * size)
                .getResultList();
        return new DeliveryView.Page(withAttempts(rows), page, size, total);
    }

    /** One delivery of the alert. */
    @Transactional
    Optional<DeliveryView> find(UUID alertId, UUID deliveryId) {
        List<Object[]> rows = rows("WHERE alert_id = :alert AND id = :id")
                .setParameter("alert", alertId)
                .setParameter("id", deliveryId)
                .getResultList();
        return withAttempts(rows).stream().findFirst();
    }

    /**
     * Makes a failed delivery pending again, due now and with a new give-up time; 409 if it is not failed or its
     * alert is paused, 404 if the alert has no such delivery.
     */
    @Transactional
    DeliveryView retry(UUID alertId, UUID deliveryId, boolean alertPaused) {
        DeliveryView current = find(alertId, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("delivery", deliveryId.toString()));
        if (!"failed".equals(current.status()) || alertPaused) {
            String why = alertPaused
                    ? "its alert is paused: resume the alert first"
                    : "it is " + current.status() + "; only a failed delivery can be retried";
            throw new ProblemException(
                    409,
                    "delivery-not-retryable",
                    "Delivery cannot be retried",
                    "delivery " + deliveryId + " cannot be retried: " + why,
                    Map.of("status", current.status()));
        }
        entityManager
                .createNativeQuery("UPDATE {h-schema}alert_delivery SET status = 'pending', next_attempt_at = now(),"
                        + " give_up_at = now() + :giveUpMillis * interval '1 millisecond'"
                        + " WHERE id = :id AND status = 'failed'")
                .setParameter("giveUpMillis", config.giveUpAfter().toMillis())
                .setParameter("id", deliveryId)
                .executeUpdate();
        meters.count("requeued", 1);
        dispatcher.wakeUp();
        return find(alertId, deliveryId).orElseThrow();
    }

    private jakarta.persistence.Query rows(String condition) {
        return entityManager.createNativeQuery("SELECT id, episode_id, revision, phase, status, created_at,"
                + " next_attempt_at, give_up_at, delivered_at, last_status_code, last_error"
                + " FROM {h-schema}alert_delivery " + condition);
    }

    @SuppressWarnings("unchecked")
    private List<DeliveryView> withAttempts(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        rows.forEach(row -> attempts.put((UUID) row[0], new ArrayList<>()));
        List<Object[]> attemptRows = entityManager
                .createNativeQuery("SELECT delivery_id, attempted_at, status_code, error, duration_ms, response_excerpt"
                        + " FROM {h-schema}alert_delivery_attempt WHERE delivery_id IN (:ids)"
                        + " ORDER BY attempted_at, id")
                .setParameter("ids", attempts.keySet())
                .getResultList();
        for (Object[] row : attemptRows) {
            attempts.get((UUID) row[0])
                    .add(new DeliveryView.Attempt(
                            Rows.instant(row[1]),
                            Rows.integer(row[2]),
                            (String) row[3],
                            ((Number) row[4]).longValue(),
                            (String) row[5]));
        }
        return rows.stream()
                .map(row -> {
                    String status = (String) row[4];
                    return new DeliveryView(
                            (UUID) row[0],
                            (String) row[1],
                            ((Number) row[2]).longValue(),
                            (String) row[3],
                            status,
                            Rows.instant(row[5]),
                            "pending".equals(status) ? Rows.instant(row[6]) : null,
                            Rows.instant(row[7]),
                            Rows.instant(row[8]),
                            Rows.integer(row[9]),
                            (String) row[10],
                            List.copyOf(attempts.get((UUID) row[0])));
                })
                .toList();
    }
}
