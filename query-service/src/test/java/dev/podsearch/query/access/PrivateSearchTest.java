package dev.podsearch.query.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.podsearch.testing.access.KeyCheckStub;
import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Search made private ({@code query.require-key=true}): every /v1 call needs a key of any role, checked with the
 * ingest service (here {@link KeyCheckStub}); and the key's quota: 429 with Retry-After, then recovery.
 * A search without {@code q} stands for any call that got through (400: it reached the endpoint, no engine needed).
 */
@QuarkusTest
@TestProfile(PrivateSearchTest.Private.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivateSearchTest {

    public static class Private implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "query.require-key", "true",
                    // room for the other tests' calls; then one back every 5 s, so 40 calls use it up on any machine
                    "rate-limit.keys-enabled", "true",
                    "rate-limit.keys.read", "10/50s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeyCheckStub.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true; // no engine: nothing here searches
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ExtractableResponse<Response> search(String key) {
        var request = given();
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.when().get("/v1/search").then().extract();
    }

    @Test
    void refusesASearchWithoutAValidKey() {
        for (String key : new String[] {null, KeyCheckStub.REVOKED, "ps_nosuchkey0_" + "e".repeat(43), "x"}) {
            given().header("Authorization", key == null ? "" : "Bearer " + key)
                    .when()
                    .get("/v1/suggest?q=fo")
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", "Bearer realm=\"podsearch\"")
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"))
                    .body("instance", equalTo("/v1/suggest"));
        }
    }

    @Test
    void letsAKeyOfAnyRoleSearch() {
        for (String key : new String[] {KeyCheckStub.READ, KeyCheckStub.INGEST, KeyCheckStub.ADMIN}) {
            ExtractableResponse<Response> answer = search(key);
            org.junit.jupiter.api.Assertions.assertEquals(400, answer.statusCode(), answer.asString());
            org.junit.jupiter.api.Assertions.assertEquals("q", answer.path("parameter"));
        }
    }

    @Test
    void healthAndTheApiDocumentNeedNoKeyOnTheManagementPort() {
        ManagementPort.given().when().get("/q/health/live").then().statusCode(200);
        ManagementPort.openApi()
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                // private search is documented as such: Swagger UI sends the key it was given with Authorize
                .body("paths.'/v1/search'.get.security[0].apiKey", equalTo(List.of()))
                .body("paths.'/v1/suggest'.get.security[0].apiKey", equalTo(List.of()))
                .body(
                        "paths.'/v1/search'.get.responses.'401'.description",
                        equalTo("No key, or not a valid one (problem+json)"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // it empties the read key's bucket: the others run first
    void tooManyReadsWithOneKeyAre429UntilItsBucketRefills() {
        ExtractableResponse<Response> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            ExtractableResponse<Response> answer = search(KeyCheckStub.READ);
            if (answer.statusCode() == 429) {
                refused = answer;
            }
        }
        org.junit.jupiter.api.Assertions.assertNotNull(refused, "40 reads in a row stayed under a quota of 10");
        org.junit.jupiter.api.Assertions.assertEquals("application/problem+json", refused.contentType());
        // one token back every 5 s: the wait is 1 to 5 s, the same in the header and the body
        org.junit.jupiter.api.Assertions.assertTrue(
                refused.header("Retry-After").matches("[1-5]"), refused.header("Retry-After"));
        org.junit.jupiter.api.Assertions.assertEquals(
                refused.header("Retry-After"), String.valueOf(refused.<Integer>path("retryAfter")));
        org.junit.jupiter.api.Assertions.assertEquals(
                "https://podsearch.dev/problems/rate-limited", refused.path("type"));
        org.junit.jupiter.api.Assertions.assertTrue(
                refused.<String>path("detail").matches("too many requests with this key; try again in [1-5] s"),
                refused.<String>path("detail"));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> org.junit.jupiter.api.Assertions.assertEquals(
                        400, search(KeyCheckStub.READ).statusCode()));
    }
}
