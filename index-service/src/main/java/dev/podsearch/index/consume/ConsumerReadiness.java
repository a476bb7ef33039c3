package dev.podsearch.index.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the topics and indices exist and the consumer loop runs. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    @Inject
    TranscriptConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("transcript-consumer")
                .status(consumer.isPrepared())
                .build();
    }
}
