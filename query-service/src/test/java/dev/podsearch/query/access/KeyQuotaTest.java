package dev.podsearch.query.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.podsearch.testing.access.KeyCheckStub;
import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quotas per key on public search: anonymous calls count against the address (3 here), calls with a key against the
 * key, its role's quota (read: 5) or its own rate (8/min), whatever its address. Every counted answer says where it
 * stands (RateLimit-Limit, -Remaining, -Reset). A key that does not pass is refused, search being public or not. A search without {@code q} stands for any call that got through (400:
 * it reached the endpoint; no engine needed).
 */
@QuarkusTest
@TestProfile(KeyQuotaTest.Quotas.class)
class KeyQuotaTest {

    public static class Quotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rate-limit.reads-capacity", "3",
                    "rate-limit.reads-refill-tokens", "1",
                    "rate-limit.reads-refill-period", "10m",
                    "rate-limit.keys-enabled", "true",
                    "rate-limit.keys.read", "5/10min");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeyCheckStub.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ValidatableResponse search(String key) {
        RequestSpecification request = given();
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.when().get("/v1/search").then();
    }

    private static void reached(ValidatableResponse answer, int limit, int remaining) {
        answer.statusCode(400)
                .body("parameter", equalTo("q"))
                .header("RateLimit-Limit", String.valueOf(limit))
                .header("RateLimit-Remaining", String.valueOf(remaining))
                .header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"));
    }

    private static void limited(ValidatableResponse answer, int limit, String who) {
        answer.statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/rate-limited"))
                .body("detail", matchesPattern("too many " + who + "; try again in [1-9][0-9]* s"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Limit", String.valueOf(limit))
                .header("RateLimit-Remaining", "0");
    }

    @Test
    void aKeyedClientIsLimitedAtItsOwnQuotaNotItsAddresses() {
        for (int i = 2; i >= 0; i--) {
            reached(search(null), 3, i);
        }
        limited(search(null), 3, "reads from this address");

        // the same address, over its anonymous limit: a read key gets its role's quota, 5
        for (int i = 4; i >= 0; i--) {
            reached(search(KeyCheckStub.READ), 5, i);
        }
        limited(search(KeyCheckStub.READ), 5, "requests with this key");

        // a key created with its own rate gets that, 8
        for (int i = 7; i >= 0; i--) {
            reached(search(KeyCheckStub.OWN_RATE), 8, i);
        }
        limited(search(KeyCheckStub.OWN_RATE), 8, "requests with this key");

        limited(search(null), 3, "reads from this address");
    }

    /**
     * Search is public, but a key that does not pass (revoked, unknown, not a key at all) is refused, not served as an
     * anonymous call: its holder learns at once that it stopped working.
     */
    @Test
    void aKeyThatDoesNotPassIsRefusedOnPublicSearchToo() {
        for (String key : List.of(KeyCheckStub.REVOKED, "ps_indexnone0_" + "z".repeat(43), "not-a-key")) {
            search(key)
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", matchesPattern("Bearer.*"))
                    .header("RateLimit-Limit", nullValue())
                    .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"))
                    .body("instance", equalTo("/v1/search"));
        }
    }

    @Test
    void unlimitedPathsCarryNoRateLimitHeaders() {
        ManagementPort.given()
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", nullValue());
    }
}
