package dev.podsearch.testing.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's management-port test: health, metrics, the OpenAPI document and Swagger UI answer on the management
 * port ({@link ManagementPort}) and are not found on the public one (the port an ingress routes to): a 404 problem
 * naming the path, with none of their content.
 */
public abstract class ManagementPortChecks {

    /** The service's API title in its OpenAPI document ({@code quarkus.smallrye-openapi.info-title}). */
    protected abstract String apiTitle();

    /** A readiness check this service registers, named in {@code /q/health}'s list. */
    protected abstract String readinessCheck();

    static List<String> managementPaths() {
        return List.of(
                "/q/health",
                "/q/health/live",
                "/q/health/ready",
                "/q/health/started",
                "/q/metrics",
                "/q/openapi",
                "/q/swagger-ui/",
                "/q/swagger-ui/index.html");
    }

    @Test
    void theManagementPortIsNotThePublicPort() {
        assertNotEquals(RestAssured.port, ManagementPort.port());
    }

    @ParameterizedTest
    @MethodSource("managementPaths")
    void thePublicPortDoesNotServe(String path) {
        given().when()
                .get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/http-404"))
                .body("instance", equalTo(path))
                .body(not(containsString("UP")))
                .body(not(containsString("# TYPE")))
                .body(not(containsString(apiTitle())));
    }

    @Test
    void healthIsServedOnTheManagementPort() {
        ManagementPort.given()
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("status", equalTo("UP"));
        ManagementPort.given()
                .when()
                .get("/q/health")
                .then()
                .contentType(containsString("application/json"))
                .body("checks.name", hasItem(equalTo(readinessCheck())));
    }

    @Test
    void metricsAreServedOnTheManagementPort() {
        ManagementPort.given()
                .accept("text/plain")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("# TYPE http_server_bytes_read summary"));
    }

    @Test
    void theApiDocumentAndSwaggerUiAreServedOnTheManagementPort() {
        ManagementPort.openApi().body("info.title", equalTo(apiTitle()));
        ManagementPort.given()
                .when()
                .get("/q/swagger-ui/index.html")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger-ui"))
                .body(containsString("/q/openapi"));
    }
}
