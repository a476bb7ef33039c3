package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.podsearch.stack.ServiceProcess;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged services as {@code ./podsearch up} runs them: each serves health, metrics, the OpenAPI document and
 * Swagger UI on its management port (where the stack waited for its readiness) and answers 404 for them on its public
 * port, the one a proxy or ingress would route to.
 */
@ExtendWith(PodsearchSystem.class)
class ManagementPortIT {

    private static List<ServiceProcess> services() {
        PodsearchSystem.Running system = PodsearchSystem.get();
        return List.of(system.ingest(), system.index(), system.query(), system.alerts());
    }

    @Test
    void eachPackagedServiceServesItsManagementEndpointsOnItsManagementPortOnly() {
        for (ServiceProcess service : services()) {
            for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui/")) {
                given().baseUri(service.url())
                        .get(path)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("instance", equalTo(path))
                        .body(not(containsString("# TYPE")));
            }
            given().baseUri(service.managementUrl())
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(service.managementUrl())
                    .accept("text/plain")
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
            given().baseUri(service.managementUrl())
                    .queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .body("info.title", containsString("podsearch"));
            given().baseUri(service.managementUrl())
                    .get("/q/swagger-ui/")
                    .then()
                    .statusCode(200)
                    .body(containsString("swagger-ui"));
        }
    }
}
