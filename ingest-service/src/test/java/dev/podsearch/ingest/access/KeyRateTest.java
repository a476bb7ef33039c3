package dev.podsearch.ingest.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.podsearch.testing.access.AdminKeyHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key's own rate, set at creation ({@code "rate": "3/min"}, {@code keys create --rate 3/min}): stored, shown, told
 * to the other services by whoami, and applied instead of its role's quota.
 */
@QuarkusTest
@TestProfile(KeyRateTest.Quotas.class)
class KeyRateTest implements AdminKeyHeader.OwnKeys {

    public static class Quotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rate-limit.keys-enabled", "true",
                    "rate-limit.keys.admin", "100000/s",
                    "rate-limit.keys.ingest", "7/10min");
        }
    }

    private static String create(Map<String, String> body) {
        return given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/admin/keys")
                .then()
                .statusCode(201)
                .body("rate", equalTo(body.get("rate")))
                .extract()
                .path("key");
    }

    private static ValidatableResponse list(String key) {
        return given().header("Authorization", "Bearer " + key)
                .when()
                .get("/v1/transcripts")
                .then();
    }

    @Test
    void aKeysOwnRateIsStoredShownAndApplied() {
        String key = create(Map.of("name", "partner", "role", "ingest", "rate", "3/min"));
        String id = key.substring(3, 13);
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .when()
                .get("/admin/keys/{id}", id)
                .then()
                .statusCode(200)
                .body("rate", equalTo("3/min"));
        given().header("Authorization", "Bearer " + key)
                .when()
                .get("/v1/access/whoami")
                .then()
                .statusCode(200)
                .body("rate", equalTo("3/min"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "2");
        list(key).statusCode(200).header("RateLimit-Remaining", "1");
        list(key).statusCode(200).header("RateLimit-Remaining", "0");
        list(key)
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .header("RateLimit-Limit", "3")
                .body("detail", matchesPattern("too many requests with this key; try again in [1-9][0-9]? s"));
    }

    @Test
    void aKeyWithoutARateHasItsRolesQuota() {
        String key = create(Map.of("name", "uploader", "role", "ingest"));
        given().header("Authorization", "Bearer " + key)
                .when()
                .get("/v1/access/whoami")
                .then()
                .statusCode(200)
                .body("rate", nullValue())
                .header("RateLimit-Limit", "7")
                .header("RateLimit-Remaining", "6");
    }

    @Test
    void aRateNotOfTheFormIsA400NamingIt() {
        for (String rate : new String[] {"50", "0/s", "50/day", "fast", "-1/s"}) {
            given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                    .contentType("application/json")
                    .body(Map.of("name", "x", "role", "read", "rate", rate))
                    .when()
                    .post("/admin/keys")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo("rate"))
                    .body("detail", equalTo("rate must look like 50/s, 600/min, 10/5s or 1000/h, not '" + rate + "'"));
        }
    }
}
