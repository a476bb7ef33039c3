package dev.podsearch.ingest.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox in readiness: parked events, and whether Kafka takes events. Neither makes the service DOWN: it still
 * takes uploads (that is what the outbox is for) and publishes them once Kafka is back, but an operator sees it. (This
 * replaces Quarkus' Kafka check, which made the service unready while Kafka was down and whose admin client held up
 * shutdown for a minute per pending check.)
 */
@Readiness
@ApplicationScoped
public class ParkedEventsCheck implements HealthCheck {

    @Inject
    ParkedEvents parked;

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        long count = parked.count();
        String kafkaProblem = relay.kafkaProblem();
        var response = HealthCheckResponse.named("outbox")
                .up()
                .withData("parked", count)
                .withData("kafka", kafkaProblem == null ? "ok" : "not publishing: " + kafkaProblem);
        if (count > 0) {
            response.withData(
                    "action",
                    "events Kafka refused for good: see GET /admin/outbox/parked, fix, then POST"
                            + " /admin/outbox/parked/retry");
        }
        return response.build();
    }
}
