package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;

/** {@link AlertsIT}'s calls to alert-service's API (with the development admin key, as every request here). */
final class AlertApi {

    private AlertApi() {}

    /** Creates the alert and checks the answer: 201, Location, the secret, the mode, whether it matches by meaning. */
    static JsonPath create(Map<String, Object> alert) {
        boolean hybrid = "hybrid".equals(alert.get("mode"));
        var created = given().baseUri(url())
                .contentType("application/json")
                .body(alert)
                .post("/v1/alerts")
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("secret", notNullValue())
                .body("name", equalTo(alert.get("name")))
                .body("q", equalTo(alert.get("q")))
                .body("mode", equalTo(hybrid ? "hybrid" : "keyword"))
                .body("meaning", equalTo(hybrid ? "on" : "off"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/alerts/" + id), created.header("Location"));
        return created.jsonPath();
    }

    /** Creates an alert by words on every show; answers its id. */
    static String keyword(String name, String q, String webhookUrl) {
        return create(Map.of("name", name, "q", q, "webhookUrl", webhookUrl)).getString("id");
    }

    static void delete(String alertId) {
        given().baseUri(url()).delete("/v1/alerts/{id}", alertId).then().statusCode(204);
        given().baseUri(url()).get("/v1/alerts/{id}", alertId).then().statusCode(404);
    }

    /** The alert's deliveries, newest first (up to 100), answered 200. */
    static ValidatableResponse deliveries(String alertId) {
        return given().baseUri(url())
                .queryParam("size", 100)
                .get("/v1/alerts/{id}/deliveries", alertId)
                .then()
                .statusCode(200);
    }

    /** Waits until alert-service has recorded the witness alert's deliveries for these episodes. */
    static void awaitMatched(Duration atMost, String witness, String... episodes) {
        await().atMost(atMost).untilAsserted(() -> deliveries(witness).body("items.episodeId", hasItems(episodes)));
    }

    /**
     * Waits until query-service embeds these queries (its model loads in the background after it starts): an alert by
     * meaning saved before that would match by words only ({@code meaning: unavailable}).
     */
    static void awaitQueryModel(String... queries) {
        for (String q : queries) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(
                            PodsearchSystem.get().query().url())
                    .queryParam("q", q)
                    .queryParam("mode", "hybrid")
                    .get("/v1/search")
                    .then()
                    .statusCode(200)
                    .body("mode", equalTo("hybrid"))
                    .body("degraded", nullValue()));
        }
    }

    private static String url() {
        return PodsearchSystem.get().alerts().url();
    }
}
