package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Browser clients on the configured origins may call the API; others may not. */
@QuarkusTest
class CorsTest {

    @Test
    void aConfiguredOriginMayCallTheApi() {
        given().header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "GET")
                .when()
                .options("/v1/search")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://app.example.org"));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .when()
                .options("/v1/search")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
