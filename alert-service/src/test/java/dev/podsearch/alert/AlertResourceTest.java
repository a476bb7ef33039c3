package dev.podsearch.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.alert.percolate.AlertIndex;
import dev.podsearch.alert.percolate.OpenSearchRequests;
import dev.podsearch.testing.access.KeyCheckStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/alerts}: create (the secret shown once), read, list, change, pause, resume, delete, each with its body;
 * bad q, filters, names and webhook targets are 400 problems naming the field; each key sees only its own alerts.
 */
@QuarkusTest
class AlertResourceTest {

    static final String HOOK = "http://127.0.0.1:9/hook";

    @Inject
    OpenSearchRequests engine;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Map<String, Object> alert(String q) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Fog watch");
        body.put("q", q);
        body.put("webhookUrl", HOOK);
        return body;
    }

    static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/alerts")
                .then();
    }

    @Test
    void createsAnAlertAndShowsItsSecretOnce() {
        Map<String, Object> body = alert("fog");
        body.put("show", List.of("Coastal Hours"));
        var created = create(body)
                .statusCode(201)
                .header("Location", matchesPattern(".*/v1/alerts/[0-9a-f-]{36}"))
                .body("name", equalTo("Fog watch"))
                .body("q", equalTo("fog"))
                .body("show", equalTo(List.of("Coastal Hours")))
                .body("speaker", equalTo(List.of()))
                .body("mode", equalTo("keyword"))
                .body("meaning", equalTo("off"))
                .body("webhookUrl", equalTo(HOOK))
                .body("paused", equalTo(false))
                .body("secret", matchesPattern("[A-Za-z0-9_-]{43}"))
                .extract();
        String location = created.header("Location");
        String id = created.path("id");
        given().when()
                .get(location)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("show", equalTo(List.of("Coastal Hours")))
                .body("secret", nullValue());
        given().when().get("/v1/alerts?size=100").then().statusCode(200).body("alerts.id", hasItem(id));
        // what the compiler answered is what the percolator holds
        assertEquals(
                "Coastal Hours",
                engine.send("GET", "/" + AlertIndex.ALIAS + "/_doc/" + id, null)
                        .at("/_source/query/bool/filter/1/terms/show/0")
                        .asText());
    }

    @Test
    void hybridAlertsKeepTheirQueryVector() {
        Map<String, Object> body = alert("fog");
        body.put("mode", "hybrid");
        create(body).statusCode(201).body("mode", equalTo("hybrid")).body("meaning", equalTo("on"));
    }

    @Test
    void forwardsTheCallersKeyToTheCompiler() {
        CompileStub.AUTHORIZATIONS.clear();
        create(alert("fog")).statusCode(201);
        assertEquals(List.of("Bearer " + KeyCheckStub.ADMIN), CompileStub.AUTHORIZATIONS);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        problem(alert("- * \""), "q");
        Map<String, Object> badLang = alert("fog");
        badLang.put("lang", "not a tag");
        problem(badLang, "lang");
        Map<String, Object> noName = alert("fog");
        noName.remove("name");
        problem(noName, "name");
        Map<String, Object> badMode = alert("fog");
        badMode.put("mode", "semantic");
        problem(badMode, "mode");
        for (String target :
                List.of("ftp://127.0.0.1/hook", "not a url", "http://10.0.0.1/hook", "http://169.254.169.254/")) {
            Map<String, Object> badHook = alert("fog");
            badHook.put("webhookUrl", target);
            problem(badHook, "webhookUrl");
        }
    }

    @Test
    void aKeyRefusedByTheSearchServiceIsTheCallersProblemAndSavesNothing() {
        int before = given().get("/v1/alerts").then().statusCode(200).extract().path("alerts.size()");
        create(alert(CompileStub.OVER_QUOTA))
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/rate-limited"))
                .body("retryAfter", equalTo(7))
                .body("detail", org.hamcrest.Matchers.containsString("try again in 7 s"));
        given().get("/v1/alerts").then().statusCode(200).body("alerts.size()", equalTo(before));
    }

    private static void problem(Map<String, Object> body, String field) {
        create(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo(field))
                .body("detail", not(emptyOrNullString()));
    }

    @Test
    void pausesResumesAndChangesAnAlert() {
        String id = create(alert("fog")).statusCode(201).extract().path("id");
        given().when()
                .post("/v1/alerts/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("paused", equalTo(true));
        assertEquals(true, percolatorDocument(id).path("paused").asBoolean());
        given().when().get("/v1/alerts/" + id).then().body("paused", equalTo(true));
        given().when()
                .post("/v1/alerts/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("paused", equalTo(false));
        assertEquals(false, percolatorDocument(id).path("paused").asBoolean());
        given().contentType(ContentType.JSON)
                .body(Map.of("q", "sourdough", "name", "Bread"))
                .when()
                .patch("/v1/alerts/" + id)
                .then()
                .statusCode(200)
                .body("q", equalTo("sourdough"))
                .body("name", equalTo("Bread"))
                .body("webhookUrl", equalTo(HOOK))
                .body("secret", nullValue());
        assertEquals(percolatorDocument(id).path("query").toString().contains("sourdough"), true, "compiled again");
        given().contentType(ContentType.JSON)
                .body(Map.of("webhookUrl", "http://192.168.1.10/hook"))
                .when()
                .patch("/v1/alerts/" + id)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("webhookUrl"));
    }

    @Test
    void deletedAlertsAreGoneFromTheApiAndThePercolator() {
        String id = create(alert("fog")).statusCode(201).extract().path("id");
        given().when().delete("/v1/alerts/" + id).then().statusCode(204);
        given().when()
                .get("/v1/alerts/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("no alert with id"));
        given().when().get("/v1/alerts?size=100").then().body("alerts.id", not(hasItem(id)));
        given().when().delete("/v1/alerts/" + id).then().statusCode(404);
        assertEquals(404, engine.status("/" + AlertIndex.ALIAS + "/_doc/" + id));
    }

    @Test
    void eachKeySeesOnlyItsOwnAlerts() {
        String id = create(alert("fog")).statusCode(201).extract().path("id");
        given().header("Authorization", "Bearer " + KeyCheckStub.INGEST)
                .when()
                .get("/v1/alerts/" + id)
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + KeyCheckStub.INGEST)
                .when()
                .get("/v1/alerts?size=100")
                .then()
                .statusCode(200)
                .body("alerts.id", not(hasItem(id)));
        given().header("Authorization", "Bearer " + KeyCheckStub.READ)
                .when()
                .get("/v1/alerts")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + KeyCheckStub.REVOKED)
                .when()
                .get("/v1/alerts")
                .then()
                .statusCode(401);
    }

    @Test
    void listsInPages() {
        for (int i = 0; i < 3; i++) {
            create(alert("fog")).statusCode(201);
        }
        var first =
                given().when().get("/v1/alerts?size=2").then().statusCode(200).extract();
        List<String> ids = first.path("alerts.id");
        assertEquals(2, ids.size());
        String next = first.path("next");
        assertEquals(ids.get(1), next);
        List<String> second = given().when()
                .get("/v1/alerts?size=2&after=" + next)
                .then()
                .extract()
                .path("alerts.id");
        assertEquals(false, second.contains(ids.get(0)) || second.contains(ids.get(1)));
        given().when().get("/v1/alerts?size=0").then().statusCode(400).body("parameter", equalTo("size"));
    }

    private com.fasterxml.jackson.databind.JsonNode percolatorDocument(String id) {
        return engine.send("GET", "/" + AlertIndex.ALIAS + "/_doc/" + id, null).path("_source");
    }
}
