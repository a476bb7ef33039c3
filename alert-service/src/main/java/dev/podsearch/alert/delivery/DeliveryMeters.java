package dev.podsearch.alert.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * The webhooks' meters on {@code /q/metrics}: {@code podsearch_alert_deliveries_total{outcome}} (sent: a receiver
 * answered 2xx; retried: an attempt failed and another is scheduled; failed: given up; requeued: a failed one retried
 * by hand; cancelled: its alert was paused or deleted), {@code podsearch_alert_delivery_latency_seconds} (from a
 * delivery's recording to its receiver's 2xx, retries included) and {@code podsearch_alert_delivery_attempt_seconds}
 * (one call to a receiver).
 */
@ApplicationScoped
public class DeliveryMeters {

    public static final String DELIVERIES = "podsearch.alert.deliveries";
    public static final String LATENCY = "podsearch.alert.delivery.latency";
    public static final String ATTEMPT = "podsearch.alert.delivery.attempt";

    /** The meter names this package registers, for the service's declared facts. */
    public static final List<String> ALL = List.of(DELIVERIES, LATENCY, ATTEMPT);

    @Inject
    MeterRegistry registry;

    void count(String outcome, int deliveries) {
        Counter.builder(DELIVERIES)
                .description("Webhook deliveries, by what became of them")
                .tag("outcome", outcome)
                .register(registry)
                .increment(deliveries);
    }

    void attempt(Duration took, boolean delivered) {
        Timer.builder(ATTEMPT)
                .description("Duration of one webhook call")
                .tag("outcome", delivered ? "2xx" : "error")
                .register(registry)
                .record(took);
    }

    void delivered(Duration sinceRecorded) {
        Timer.builder(LATENCY)
                .description("Time from a delivery's recording to its receiver's 2xx answer")
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceRecorded.isNegative() ? Duration.ZERO : sinceRecorded);
    }
}
