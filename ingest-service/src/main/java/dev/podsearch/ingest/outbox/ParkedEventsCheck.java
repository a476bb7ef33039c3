package dev.podsearch.ingest.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows parked outbox events in readiness: the service still takes uploads and publishes every other event, so it
 * stays UP, but an operator sees that some upload waits for them.
 */
@Readiness
@ApplicationScoped
public class ParkedEventsCheck implements HealthCheck {

    @Inject
    ParkedEvents parked;

    @Override
    public HealthCheckResponse call() {
        long count = parked.count();
        var response = HealthCheckResponse.named("outbox").up().withData("parked", count);
        if (count > 0) {
            response.withData(
                    "action",
                    "events Kafka refused for good: see GET /admin/outbox/parked, fix, then POST"
                            + " /admin/outbox/parked/retry");
        }
        return response.build();
    }
}
