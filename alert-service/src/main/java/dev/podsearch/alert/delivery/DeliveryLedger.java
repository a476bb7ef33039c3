package dev.podsearch.alert.delivery;

import dev.podsearch.alert.AlertConfig;
import dev.podsearch.support.LogFields;
import dev.podsearch.support.outbound.SendResult;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.hibernate.query.NativeQuery;

/**
 * Records each attempt and what it means for its delivery, in a transaction of its own: delivered on a 2xx; else due
 * again by the retry schedule (exponential backoff, full jitter), or failed once its give-up time has come. One log
 * line per attempt, with the delivery, alert, episode and revision as fields.
 */
@ApplicationScoped
class DeliveryLedger {

    static final String DELIVERY = "deliveryId";
    static final String ALERT = "alertId";

    @Inject
    EntityManager entityManager;

    @Inject
    DeliveryConfig config;

    @Inject
    AlertConfig alerts;

    @Inject
    DeliveryMeters meters;

    private final RandomGenerator random = RandomGenerator.getDefault();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(Claimed delivery, SendResult result, Instant attemptedAt) {
        Integer code = result.statusCode() == 0 ? null : result.statusCode();
        String error = result.error().orElse(null);
        entityManager
                .createNativeQuery("INSERT INTO {h-schema}alert_delivery_attempt"
                        + " (delivery_id, attempted_at, status_code, error, duration_ms, response_excerpt)"
                        + " VALUES (:id, :at, :status, :error, :millis, :excerpt)")
                .unwrap(NativeQuery.class)
                .setParameter("id", delivery.id(), UUID.class)
                .setParameter("at", attemptedAt, Instant.class)
                .setParameter("status", code, Integer.class)
                .setParameter("error", error, String.class)
                .setParameter(
                        "millis",
                        (int) Math.min(Integer.MAX_VALUE, result.duration().toMillis()),
                        Integer.class)
                .setParameter("excerpt", result.excerpt().isEmpty() ? null : result.excerpt(), String.class)
                .executeUpdate();
        meters.attempt(result.duration(), result.delivered());
        int attempts = delivery.attempts() + 1;
        Instant now = Instant.now();
        Optional<Instant> next = result.delivered()
                ? Optional.empty()
                : config.schedule(alerts.giveUpAfter()).next(now, attempts, delivery.giveUpAt(), random);
        String status;
        if (result.delivered()) {
            // a webhook that went out is recorded as delivered even if its alert was deleted while it was under way
            status = "delivered";
            update(
                            "status = 'delivered', delivered_at = :now, last_error = NULL",
                            "IN ('pending', 'cancelled')",
                            delivery,
                            code,
                            null)
                    .setParameter("now", now, Instant.class)
                    .executeUpdate();
            meters.count("sent", 1);
            meters.delivered(Duration.between(delivery.createdAt(), now));
        } else if (next.isPresent()) {
            status = "pending";
            update("next_attempt_at = :next, last_error = :error", "= 'pending'", delivery, code, error)
                    .setParameter("next", next.get(), Instant.class)
                    .executeUpdate();
            meters.count("retried", 1);
        } else {
            status = "failed";
            update("status = 'failed', last_error = :error", "= 'pending'", delivery, code, error)
                    .executeUpdate();
            meters.count("failed", 1);
        }
        log(delivery, result, attempts, status, next);
    }

    /** An update of the delivery counting this attempt; {@code set} may use :error, {@code status} is its condition. */
    @SuppressWarnings("unchecked")
    private NativeQuery<Integer> update(String set, String status, Claimed delivery, Integer code, String error) {
        NativeQuery<Integer> update = entityManager
                .createNativeQuery("UPDATE {h-schema}alert_delivery SET attempts = attempts + 1,"
                        + " last_status_code = :code, " + set + " WHERE id = :id AND status " + status)
                .unwrap(NativeQuery.class)
                .setParameter("code", code, Integer.class)
                .setParameter("id", delivery.id(), UUID.class);
        return set.contains(":error") ? update.setParameter("error", error, String.class) : update;
    }

    private static void log(Claimed delivery, SendResult result, int attempt, String status, Optional<Instant> next) {
        try (LogFields fields = LogFields.episode(delivery.episodeId(), delivery.revision())
                .with(DELIVERY, delivery.id().toString())
                .with(ALERT, delivery.alertId().toString())) {
            String answer = result.statusCode() == 0 ? "no answer" : "HTTP " + result.statusCode();
            String error = result.error().map(e -> " (" + e + ")").orElse("");
            if (result.delivered()) {
                Log.infof(
                        "delivery %s of alert %s: attempt %d, %s in %d ms: delivered",
                        delivery.id(),
                        delivery.alertId(),
                        attempt,
                        answer,
                        result.duration().toMillis());
            } else {
                Log.warnf(
                        "delivery %s of alert %s: attempt %d, %s%s in %d ms: %s",
                        delivery.id(),
                        delivery.alertId(),
                        attempt,
                        answer,
                        error,
                        result.duration().toMillis(),
                        next.map(at -> "next attempt at " + at).orElse(status + ", given up"));
            }
        }
    }
}
