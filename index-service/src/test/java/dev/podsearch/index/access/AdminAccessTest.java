package dev.podsearch.index.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.testing.access.AdminKeyHeader;
import dev.podsearch.testing.access.KeyCheckStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every /admin endpoint of index-service with no key, a wrong key, a revoked key, keys of too small a role and an
 * admin key; keys are checked with the ingest service (here {@link KeyCheckStub}).
 */
@QuarkusTest
class AdminAccessTest implements AdminKeyHeader.OwnKeys {

    /** method, path, and what an admin key gets (the endpoint's own answer: the reindex status depends on test order). */
    private record Endpoint(String method, String path, List<Integer> allowed) {}

    private static final List<Endpoint> ADMIN = List.of(
            new Endpoint("GET", "/admin/dead-letters?limit=0", List.of(400)),
            new Endpoint("POST", "/admin/dead-letters/0/999999999/replay", List.of(404)),
            new Endpoint("POST", "/admin/dead-letters/replay?episode=no-such-episode", List.of(202)),
            new Endpoint("GET", "/admin/reindex", List.of(200, 404)));

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ValidatableResponse call(Endpoint endpoint, String key) {
        RequestSpecification request = given();
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.when().request(endpoint.method(), endpoint.path()).then();
    }

    @Test
    void refusesMissingWrongAndRevokedKeysAlike() {
        for (Endpoint endpoint : ADMIN) {
            for (String key : new String[] {null, KeyCheckStub.REVOKED, "ps_nosuchkey0_" + "e".repeat(43), "x"}) {
                call(endpoint, key)
                        .statusCode(401)
                        .header("WWW-Authenticate", "Bearer realm=\"podsearch\"")
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"))
                        .body(
                                "detail",
                                equalTo("this endpoint needs a valid API key: send 'Authorization: Bearer <key>'"));
            }
        }
    }

    @Test
    void forbidsIngestAndReadKeys() {
        for (Endpoint endpoint : ADMIN) {
            for (String key : new String[] {KeyCheckStub.INGEST, KeyCheckStub.READ}) {
                call(endpoint, key)
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://podsearch.dev/problems/forbidden"));
            }
        }
    }

    @Test
    void letsAnAdminKeyThroughAndAsksAboutItOnce() {
        call(ADMIN.getFirst(), KeyCheckStub.ADMIN).statusCode(400).body("parameter", equalTo("limit"));
        int asked = KeyCheckStub.ASKED.get();
        for (Endpoint endpoint : ADMIN) {
            int status = call(endpoint, KeyCheckStub.ADMIN).extract().statusCode();
            assertTrue(endpoint.allowed().contains(status), endpoint.path() + " answered " + status);
        }
        assertEquals(asked, KeyCheckStub.ASKED.get(), "a valid key is cached for access.cache-ttl");
    }

    @Test
    void anInvalidKeyIsAskedAboutOnceWithinTheNegativeCacheTtl() {
        String unknown = "ps_neverknown_" + "f".repeat(43);
        int asked = KeyCheckStub.ASKED.get();
        for (int i = 0; i < 3; i++) {
            call(ADMIN.getFirst(), unknown)
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"));
        }
        assertEquals(asked + 1, KeyCheckStub.ASKED.get(), "a 'no' is kept for access.negative-cache-ttl");
    }
}
