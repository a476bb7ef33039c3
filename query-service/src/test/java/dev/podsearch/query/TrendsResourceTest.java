package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrendsResourceTest extends CorpusTest {

    @Test
    void countsMentionsPerMonthIncludingTheEmptyMonthsBetween() {
        given().queryParam("q", "fog")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("interval", equalTo("month"))
                .body("buckets", hasSize(15)) // March 2025 to May 2026
                .body("buckets[0].start", equalTo("2025-03-01"))
                .body("buckets[0].count", equalTo(1))
                .body("buckets[0].shows.show", equalTo(List.of("Kitchen Talk")))
                .body("buckets[1].count", equalTo(0))
                .body("buckets[14].start", equalTo("2026-05-01"))
                .body("buckets[14].count", equalTo(3))
                .body("buckets[14].shows.show", equalTo(List.of("Coastal Hours", "Kitchen Talk")))
                .body("buckets[14].shows.count", equalTo(List.of(2, 1)));
    }

    @Test
    void narrowsToAShowAndADay() {
        given().queryParam("q", "fog")
                .queryParam("interval", "day")
                .queryParam("show", "Coastal Hours")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets.start", equalTo(List.of("2026-05-17")))
                .body("buckets[0].count", equalTo(2));
    }

    @Test
    void rejectsAnUnknownIntervalAndAMissingQuery() {
        given().queryParam("q", "fog")
                .queryParam("interval", "decade")
                .get("/v1/trends")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("interval"));
        given().get("/v1/trends").then().statusCode(400).body("parameter", equalTo("q"));
    }
}
