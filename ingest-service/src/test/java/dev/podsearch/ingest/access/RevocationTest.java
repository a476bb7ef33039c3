package dev.podsearch.ingest.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.support.access.ApiKey;
import dev.podsearch.support.access.KeyCache;
import dev.podsearch.support.access.KeyCheckClient;
import dev.podsearch.support.access.RevocationPoller;
import dev.podsearch.testing.access.AdminKeyHeader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Revocation in seconds: two instances of the verifier the other services run (each its own cache, valid answers
 * kept 30 s, and its own poller asking this running service every second) both refuse a key within 2 s of its
 * revocation. The revocation list answers only the services.
 */
@QuarkusTest
@TestProfile(RevocationTest.WithServiceToken.class)
class RevocationTest implements AdminKeyHeader.OwnKeys {

    private static final String TOKEN = "revocation-test-service-token";

    public static class WithServiceToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("access.service-token", TOKEN);
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aRevokedKeyIsRefusedByEveryInstanceWithinTwoSeconds() {
        ApiKey key = ApiKey.parse(KeyAccessTest.createKey("revoked in seconds", "read"))
                .orElseThrow();
        KeyCheckClient client = new KeyCheckClient(List.of(base), Optional.of(TOKEN), new ObjectMapper());
        KeyCache first = new KeyCache(client, Duration.ofSeconds(30), Duration.ofSeconds(5));
        KeyCache second = new KeyCache(client, Duration.ofSeconds(30), Duration.ofSeconds(5));
        try (RevocationPoller a = new RevocationPoller(client, first).start(Duration.ofSeconds(1));
                RevocationPoller b = new RevocationPoller(client, second).start(Duration.ofSeconds(1))) {
            assertTrue(first.verify(key).isPresent());
            assertTrue(second.verify(key).isPresent());
            given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                    .when()
                    .delete("/admin/keys/{id}", key.id())
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(key.id()));
            long revoked = System.nanoTime();
            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() ->
                            first.verify(key).isEmpty() && second.verify(key).isEmpty());
            assertTrue(Duration.ofNanos(System.nanoTime() - revoked).compareTo(Duration.ofSeconds(2)) <= 0);
        }
    }

    @Test
    void theTokenIsNoIdentityAnywhereButTheRevocationList() {
        // whoami answers who a key is: the token alone is nobody there (it was an identity without a role: a 500)
        given().header("X-Podsearch-Service-Token", TOKEN)
                .when()
                .get("/v1/access/whoami")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"));
        given().header("X-Podsearch-Service-Token", TOKEN)
                .when()
                .get("/admin/keys")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theRevocationListAnswersOnlyTheServices() {
        given().queryParam("since", "2026-01-01T00:00:00Z")
                .when()
                .get("/v1/access/revocations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"));
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .queryParam("since", "2026-01-01T00:00:00Z")
                .when()
                .get("/v1/access/revocations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("X-Podsearch-Service-Token", "not the token")
                .queryParam("since", "2026-01-01T00:00:00Z")
                .when()
                .get("/v1/access/revocations")
                .then()
                .statusCode(401);
        given().header("X-Podsearch-Service-Token", TOKEN)
                .queryParam("since", "yesterday")
                .when()
                .get("/v1/access/revocations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("since"))
                .body("detail", equalTo("since must be an ISO-8601 instant, not 'yesterday'"));
        String revoked = KeyAccessTest.createKey("listed as revoked", "read").substring(3, 13);
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .when()
                .delete("/admin/keys/{id}", revoked)
                .then()
                .statusCode(200);
        String now = given().header("X-Podsearch-Service-Token", TOKEN)
                .queryParam("since", "2026-01-01T00:00:00Z")
                .when()
                .get("/v1/access/revocations")
                .then()
                .statusCode(200)
                .body("revoked", org.hamcrest.Matchers.hasItem(revoked))
                .extract()
                .path("now");
        assertTrue(java.time.Instant.parse(now).isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z")));
    }
}
