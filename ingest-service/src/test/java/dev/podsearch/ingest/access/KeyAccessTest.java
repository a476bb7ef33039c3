package dev.podsearch.ingest.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.podsearch.testing.access.AdminKeyHeader;
import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every protected endpoint of the ingest service with no key, a wrong key, a revoked key, a key of the wrong role and
 * one of the right role; and the key endpoints themselves.
 */
@QuarkusTest
class KeyAccessTest implements AdminKeyHeader.OwnKeys {

    private static final String UNAUTHENTICATED =
            "this endpoint needs a valid API key: send 'Authorization: Bearer <key>'";

    /** method, path, the role it needs. */
    private record Endpoint(String method, String path, String role) {}

    private static final List<Endpoint> PROTECTED = List.of(
            new Endpoint("POST", "/v1/transcripts?title=Access", "ingest"),
            new Endpoint("GET", "/v1/transcripts", "ingest"),
            new Endpoint("GET", "/v1/transcripts/" + UUID.randomUUID(), "ingest"),
            new Endpoint("DELETE", "/v1/transcripts/" + UUID.randomUUID(), "ingest"),
            new Endpoint("GET", "/admin/outbox/parked", "admin"),
            new Endpoint("POST", "/admin/outbox/parked/retry", "admin"),
            new Endpoint("GET", "/admin/keys", "admin"),
            new Endpoint("DELETE", "/admin/keys/nosuchkey0", "admin"));

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String createKey(String name, String role) {
        return given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .contentType("application/json")
                .body(Map.of("name", name, "role", role))
                .when()
                .post("/admin/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    private static ValidatableResponse call(Endpoint endpoint, String key) {
        RequestSpecification request = given().contentType("text/plain").body("Host: hello there.\n");
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.when().request(endpoint.method(), endpoint.path()).then();
    }

    private static void assertUnauthenticated(ValidatableResponse response, Endpoint endpoint) {
        response.statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"podsearch\"")
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"))
                .body("detail", equalTo(UNAUTHENTICATED))
                .body("instance", equalTo(endpoint.path().replaceAll("\\?.*", "")));
    }

    @Test
    void everyProtectedEndpointRefusesAMissingWrongOrMalformedKeyAlike() {
        String wrongSecret = AdminKeyHeader.KEY.substring(0, AdminKeyHeader.KEY.length() - 4) + "AAAA";
        for (Endpoint endpoint : PROTECTED) {
            assertUnauthenticated(call(endpoint, null), endpoint);
            assertUnauthenticated(call(endpoint, wrongSecret), endpoint);
            assertUnauthenticated(call(endpoint, "ps_nosuchkey0_" + "A".repeat(43)), endpoint);
            assertUnauthenticated(call(endpoint, "not-a-key"), endpoint);
        }
        assertUnauthenticated(
                given().header("Authorization", "Basic YWRtaW46YWRtaW4=")
                        .when()
                        .get("/v1/transcripts")
                        .then(),
                PROTECTED.get(1));
    }

    @Test
    void aRevokedKeyIsRefusedEverywhere() {
        String key = createKey("revoked soon", "admin");
        String id = key.substring(3, 13);
        given().header("Authorization", "Bearer " + key)
                .when()
                .get("/v1/access/whoami")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .when()
                .delete("/admin/keys/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("revokedAt", notNullValue())
                .body("key", nullValue());
        for (Endpoint endpoint : PROTECTED) {
            assertUnauthenticated(call(endpoint, key), endpoint);
        }
    }

    @Test
    void aKeyOfTooSmallARoleIsForbidden() {
        String read = createKey("reader", "read");
        String ingest = createKey("uploader", "ingest");
        for (Endpoint endpoint : PROTECTED) {
            String weaker = endpoint.role().equals("admin") ? ingest : read;
            call(endpoint, weaker)
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://podsearch.dev/problems/forbidden"))
                    .body(
                            "detail",
                            equalTo("this key's role does not allow this call; ask for a key with the role it needs"));
        }
    }

    @Test
    void aKeyOfTheRightRoleGetsThrough() {
        String ingest = createKey("uploader", "ingest");
        for (Endpoint endpoint : PROTECTED) {
            String key = endpoint.role().equals("admin") ? AdminKeyHeader.KEY : ingest;
            int status = call(endpoint, key).extract().statusCode();
            int expected = endpoint.method().equals("POST")
                    ? 202
                    : endpoint.path().startsWith("/v1/transcripts/")
                                    || endpoint.path().equals("/admin/keys/nosuchkey0")
                            ? 404
                            : 200;
            org.junit.jupiter.api.Assertions.assertEquals(expected, status, endpoint.toString());
        }
    }

    @Test
    void aNewKeyIsShownOnceThenListedWithoutItsSecret() {
        String name = "listing " + UUID.randomUUID();
        String key = createKey(name, "ingest");
        String id = key.substring(3, 13);
        org.junit.jupiter.api.Assertions.assertTrue(key.matches("ps_[a-z0-9]{10}_[A-Za-z0-9_-]{43}"), key);
        given().header("Authorization", "Bearer " + key)
                .when()
                .get("/v1/access/whoami")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(name))
                .body("role", equalTo("ingest"));
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .when()
                .get("/admin/keys")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.name", equalTo(name))
                .body("find { it.id == '" + id + "' }.role", equalTo("ingest"))
                .body("find { it.id == '" + id + "' }.createdAt", notNullValue())
                .body("find { it.id == '" + id + "' }.lastUsedAt", notNullValue())
                .body("find { it.id == '" + id + "' }.key", nullValue())
                .body("find { it.id == '" + id + "' }.secretHash", nullValue())
                .body(not(org.hamcrest.Matchers.containsString(key.substring(14))));
    }

    @Test
    void aCreatedKeysLocationAnswersWithTheKeyAsListed() {
        String name = "located " + UUID.randomUUID();
        String location = given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .contentType("application/json")
                .body(Map.of("name", name, "role", "read"))
                .when()
                .post("/admin/keys")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .when()
                .get(java.net.URI.create(location).getPath())
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(name))
                .body("role", equalTo("read"))
                .body("$", org.hamcrest.Matchers.hasKey("revokedAt"))
                .body("revokedAt", nullValue())
                .body("$", org.hamcrest.Matchers.hasKey("lastUsedAt"))
                .body("key", nullValue());
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .when()
                .get("/admin/keys/nosuchkey0")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no API key with id 'nosuchkey0'"));
    }

    @Test
    void listedKeysShowRevokedAtNullAndLastUseToTheMinute() {
        String key = createKey("minute " + UUID.randomUUID(), "read");
        String id = key.substring(3, 13);
        given().header("Authorization", "Bearer " + key).when().get("/v1/access/whoami");
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .when()
                .get("/admin/keys")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }", org.hamcrest.Matchers.hasKey("revokedAt"))
                .body("find { it.id == '" + id + "' }.revokedAt", nullValue())
                .body(
                        "find { it.id == '" + id + "' }.lastUsedAt",
                        matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:00)?Z"));
    }

    @Test
    void malformedJsonSaysWhatIsWrongAndWhere() {
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .contentType("application/json")
                .body("{\"name\": \"x\",\n \"role\": }")
                .when()
                .post("/admin/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/invalid-json"))
                .body("parameter", equalTo("body"))
                .body("line", equalTo(2))
                .body("column", notNullValue())
                .body("detail", org.hamcrest.Matchers.startsWith("the body is not valid JSON (line 2, column"));
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .contentType("application/json")
                .body("{\"name\": [\"x\"], \"role\": \"read\"}")
                .when()
                .post("/admin/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/invalid-json"))
                .body("parameter", equalTo("name"))
                .body(
                        "detail",
                        org.hamcrest.Matchers.startsWith("the body's field 'name' must be a string (line 1, column"));
    }

    @Test
    void aKeyNeedsANameAndAKnownRole() {
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .contentType("application/json")
                .body(Map.of("role", "admin"))
                .when()
                .post("/admin/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("name"));
        given().header("Authorization", "Bearer " + AdminKeyHeader.KEY)
                .contentType("application/json")
                .body(Map.of("name", "x", "role", "root"))
                .when()
                .post("/admin/keys")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("role"))
                .body("detail", equalTo("role must be read, alerts, ingest or admin, not 'root'"));
    }

    @Test
    void refusalsAreCountedByReason() {
        call(PROTECTED.get(1), null).statusCode(401);
        ManagementPort.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(matchesPattern(
                        "(?s).*podsearch_ingest_access_refusals_total\\{reason=\"unauthenticated\"[^}]*} [1-9].*"));
    }

    @Test
    void theOpenApiDocumentNamesTheBearerScheme() {
        ManagementPort.openApi()
                .body("components.securitySchemes.apiKey.type", equalTo("http"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("paths.'/admin/keys'.get.security.apiKey", hasItem(notNullValue()))
                .body("paths.'/v1/transcripts'.post.security", notNullValue());
    }
}
