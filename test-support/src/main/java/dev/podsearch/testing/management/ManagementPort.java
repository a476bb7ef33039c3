package dev.podsearch.testing.management;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The running test application's management interface: health, metrics, OpenAPI and Swagger UI are served there
 * ({@code quarkus.management.enabled}, shared by every service), on a free port in tests, never on the public port
 * RestAssured's own {@code given()} goes to: {@code ManagementPort.given().get("/q/metrics")}.
 */
public final class ManagementPort {

    private ManagementPort() {}

    /** A RestAssured request to the management interface. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(url()).port(port());
    }

    /** The published OpenAPI document as JSON ({@code /q/openapi?format=json}), asserted served (200). */
    public static ValidatableResponse openApi() {
        return given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200);
    }

    /** Its address, {@code http://localhost:<port>} (from Quarkus's {@code test.management.url}, with the port it got). */
    public static String url() {
        URI root = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return root.getScheme() + "://" + root.getHost() + ":" + root.getPort();
    }

    /** The port the management interface got. */
    public static int port() {
        return URI.create(url()).getPort();
    }
}
