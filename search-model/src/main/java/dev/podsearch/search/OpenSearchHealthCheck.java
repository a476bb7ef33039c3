package dev.podsearch.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;

/** Ready only when the OpenSearch cluster answers and is at least yellow. */
@Readiness
@ApplicationScoped
public class OpenSearchHealthCheck implements HealthCheck {

    @Inject
    OpenSearchClient client;

    @Override
    public HealthCheckResponse call() {
        try {
            HealthStatus status = client.cluster().health().status();
            return HealthCheckResponse.named("opensearch")
                    .status(status != HealthStatus.Red)
                    .withData("status", status.jsonValue())
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("opensearch")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
