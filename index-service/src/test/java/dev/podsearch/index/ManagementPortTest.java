package dev.podsearch.index;

import dev.podsearch.testing.management.ManagementPortChecks;
import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics, OpenAPI and Swagger UI on this service's management port only: see {@link ManagementPortChecks}. */
@QuarkusTest
class ManagementPortTest extends ManagementPortChecks {

    @Override
    protected String apiTitle() {
        return "podsearch index admin API";
    }

    @Override
    protected String readinessCheck() {
        return "transcript-consumer";
    }
}
