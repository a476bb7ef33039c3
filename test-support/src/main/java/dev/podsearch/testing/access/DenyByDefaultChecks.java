package dev.podsearch.testing.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Each service's deny-by-default test (run under {@link UnmarkedFixture}, which serves the module's unmarked fixture
 * route): every other route under /v1 and /admin names who may call it, the check sees the fixture (so it would see
 * a real omission), and the fixture is refused at run time with or without a key.
 */
public abstract class DenyByDefaultChecks implements AdminKeyHeader.OwnKeys {

    /** The module's fixture route, e.g. {@code /v1/unmarked-fixture}. */
    protected abstract String fixturePath();

    /** A key of the highest role this service knows. */
    protected abstract String adminKey();

    @Test
    void everyRouteButTheFixtureNamesWhoMayCallIt() {
        assertEquals(List.of("GET " + fixturePath() + " (UnmarkedResource.unmarked)"), RouteGuards.unmarked());
    }

    @Test
    void theRoutesAreTheRunningApplicationsOwn() {
        List<String> served = RouteGuards.documented();
        assertTrue(served.contains("GET " + fixturePath()), "the served OpenAPI document lists " + served);
        assertTrue(served.size() > 1, "only the fixture found: " + served);
    }

    @Test
    void theUnmarkedRouteIsRefusedWithoutAKeyAndWithAnAdminKey() {
        given().when()
                .get(fixturePath())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"podsearch\"")
                .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"))
                .body(not(Matchers.containsString(UnmarkedFixture.NEVER)));
        given().header("Authorization", "Bearer " + adminKey())
                .when()
                .get(fixturePath())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/forbidden"))
                .body("instance", equalTo(fixturePath()))
                .body(not(Matchers.containsString(UnmarkedFixture.NEVER)));
    }
}
