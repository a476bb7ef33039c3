package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The web app's files and paths; what it does in a browser is tested in e2e's WebAppIT. */
@QuarkusTest
class WebPageTest {

    @Test
    void servesTheAppShellAtEachOfItsPaths() {
        for (String path : new String[] {"/", "/episodes/ep-1", "/upload"}) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .body(containsString("<main id=\"main\""))
                    .body(containsString("src=\"/app/main.js\""));
        }
    }

    @Test
    void servesTheModulesAsJavaScript() {
        given().when()
                .get("/app/search.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("/v1/search"));
    }

    @Test
    void tellsThePageWhereUploadsGo() {
        given().when()
                .get("/app-config")
                .then()
                .statusCode(200)
                .body("ingestUrl", equalTo("http://127.0.0.1:8081"))
                .body("requireKey", equalTo(false));
    }
}
