package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebPageTest {

    @Test
    void servesTheSearchPageThatCallsTheApi() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<form id=\"search\">"))
                .body(containsString("fetch('/v1/search?'"))
                .body(containsString("fetch('/v1/suggest?'"));
    }
}
