package dev.podsearch.ingest.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.testing.access.AdminKeyHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keys are limited per key: over the limit 429 with Retry-After; another key is not held up; the bucket refills. */
@QuarkusTest
@TestProfile(WriteLimitTest.SmallWriteLimit.class)
class WriteLimitTest implements AdminKeyHeader.OwnKeys {

    public static class SmallWriteLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // slow enough that ten uploads use it up however loaded the machine is (one back every 10 s)
                    "rate-limit.keys-enabled", "true",
                    "rate-limit.keys.admin", "2/20s",
                    "rate-limit.keys.ingest", "2/20s");
        }
    }

    private static ExtractableResponse<Response> upload(String key) {
        return given().header("Authorization", "Bearer " + key)
                .contentType("text/plain")
                .queryParam("title", "Limited " + UUID.randomUUID())
                .body("Host: one line of talk.\n")
                .when()
                .post("/v1/transcripts")
                .then()
                .extract();
    }

    @Test
    void aKeyOverItsWriteLimitWaitsWhileOthersGoOn() {
        String other = KeyAccessTest.createKey("another uploader", "ingest"); // a write of the admin key too
        ExtractableResponse<Response> refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            ExtractableResponse<Response> answer = upload(AdminKeyHeader.KEY);
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertEquals(202, answer.statusCode(), answer.asString());
            }
        }
        assertNotNull(refused, "10 uploads in a row stayed under a limit of 2");
        assertEquals("application/problem+json", refused.contentType());
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);
        assertEquals("2", refused.header("RateLimit-Limit"));
        assertEquals("0", refused.header("RateLimit-Remaining"));
        assertEquals("https://podsearch.dev/problems/rate-limited", refused.path("type"));
        assertTrue(
                refused.<String>path("detail").startsWith("too many requests with this key; try again in "),
                refused.<String>path("detail"));

        assertEquals(202, upload(other).statusCode(), "each key has its own bucket");
        assertEquals(429, upload(AdminKeyHeader.KEY).statusCode(), "still over the limit");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () -> assertEquals(202, upload(AdminKeyHeader.KEY).statusCode()));
    }
}
