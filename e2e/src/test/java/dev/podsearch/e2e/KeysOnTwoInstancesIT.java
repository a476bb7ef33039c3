package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.stack.ServiceProcess;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keys on two running query-service instances (two processes, two ports) whose access settings are ./podsearch up's
 * ({@link PodsearchSystem.Running#startQueryAsUp}: a valid answer trusted 30 s, revoked keys polled every second with
 * the services' token, per-key quotas) with search private ({@code query.require-key=true}; public search refuses a
 * key that no longer passes the same way, KeyQuotaTest in query-service): A is the run's shared private
 * search ({@link PrivateSearch}), B one more started here. A key revoked through ingest's admin API is refused by both
 * within 2 s; a key's quota is counted per instance (buckets in each instance's memory, as documented), and one key's
 * exhaustion costs another key from the same address nothing.
 */
@ExtendWith(PodsearchSystem.class)
class KeysOnTwoInstancesIT {

    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(2);
    private static final String PROBLEM = "application/problem+json";

    private static CompletableFuture<ServiceProcess> startingB;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void start() {
        PodsearchSystem.Running system = PodsearchSystem.get();
        long began = System.nanoTime();
        CompletableFuture<ServiceProcess> startingA = CompletableFuture.supplyAsync(system::privateQuery);
        startingB = CompletableFuture.supplyAsync(
                () -> system.startQueryAsUp("query-service-private-2", PrivateSearch.SETTINGS));
        PolarCorpus.ensure();
        a = startingA.join();
        b = startingB.join();
        System.out.printf(
                "%s (%s) and %s (%s) ready in %d ms%n",
                a.name(),
                a.url(),
                b.name(),
                b.url(),
                Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    @AfterAll
    static void stop() {
        try {
            if (startingB != null) {
                startingB.join().close(); // A is the run's, closed with the system
            }
        } catch (CompletionException e) {
            // it never started: nothing to stop
        }
    }

    @Test
    void aRevokedKeyIsRefusedByBothInstancesWithinTwoSeconds() {
        Map<String, String> created = createKey("revoked on two instances", "read", null);
        String key = created.get("key");
        for (ServiceProcess instance : List.of(a, b)) {
            found(search(instance, key)).header("RateLimit-Limit", "20"); // the read role's quota: counted as the key
        }

        given().baseUri(PodsearchSystem.get().ingest().url())
                .delete("/admin/keys/{id}", created.get("id"))
                .then()
                .statusCode(200)
                .body("id", equalTo(created.get("id")))
                .body("revokedAt", matchesPattern("20[0-9-]+T[0-9:.]+Z"));
        long revoked = System.nanoTime();
        Map<String, Duration> refusedAfter = new LinkedHashMap<>();
        Map<String, Response> refusals = new LinkedHashMap<>();
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(15)) // measured here; the bound is asserted below, per instance
                .until(() -> {
                    for (ServiceProcess instance : List.of(a, b)) {
                        if (refusedAfter.containsKey(instance.name())) {
                            continue;
                        }
                        Response answer = search(instance, key);
                        if (answer.statusCode() != 200) {
                            refusedAfter.put(instance.name(), Duration.ofNanos(System.nanoTime() - revoked));
                            refusals.put(instance.name(), answer);
                        }
                    }
                    return refusedAfter.size() == 2;
                });
        System.out.println("revoked key refused after " + refusedAfter);
        refusals.forEach((instance, answer) -> answer.then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer realm=\"podsearch\"")
                .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", equalTo("this endpoint needs a valid API key: send 'Authorization: Bearer <key>'"))
                .body("instance", equalTo("/v1/search")));
        refusedAfter.forEach((instance, after) -> assertTrue(
                after.compareTo(REVOCATION_BOUND) <= 0,
                instance + " still answered the revoked key " + after.toMillis() + " ms after the revocation"));
    }

    @Test
    void aKeysQuotaIsCountedPerInstanceAndCostsNoOtherCaller() {
        // 3 an hour: refilled one per 20 minutes, so no token comes back during the test
        Map<String, String> limited = createKey("three an hour", "read", "3/h");
        String key = limited.get("key");
        for (int remaining = 2; remaining >= 0; remaining--) {
            found(search(a, key)).header("RateLimit-Limit", "3").header("RateLimit-Remaining", "" + remaining);
        }
        search(a, key)
                .then()
                .statusCode(429)
                .contentType(PROBLEM)
                .header("Retry-After", matchesPattern("[1-9][0-9]{0,3}"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", matchesPattern("[1-9][0-9]{0,3}"))
                .body("type", equalTo("https://podsearch.dev/problems/rate-limited"))
                .body("status", equalTo(429))
                .body("detail", matchesPattern("too many requests with this key; try again in [1-9][0-9]* s"))
                .body("retryAfter", org.hamcrest.Matchers.greaterThan(0));

        // instance B keeps a bucket of its own: the same key has its whole quota there
        found(search(b, key)).header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2");

        // on A, another key from the same address counts against its own role's quota, untouched
        String other = createKey("another reader", "read", null).get("key");
        found(search(a, other)).header("RateLimit-Limit", "20").header("RateLimit-Remaining", "19");
        search(a, key).then().statusCode(429); // while the first is still limited there
    }

    /** {@code POST /admin/keys} on ingest-service (with the system's admin key): the created key's fields. */
    private static Map<String, String> createKey(String name, String role, String rate) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("name", name, "role", role));
        if (rate != null) {
            body.put("rate", rate);
        }
        ValidatableResponse answer = given().baseUri(
                        PodsearchSystem.get().ingest().url())
                .contentType("application/json")
                .body(body)
                .post("/admin/keys")
                .then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("role", equalTo(role))
                .body("rate", rate == null ? nullValue() : equalTo(rate))
                .body("key", matchesPattern("ps_[a-z0-9]{10}_[A-Za-z0-9_-]{43}"));
        return Map.of("id", answer.extract().path("id"), "key", answer.extract().path("key"));
    }

    private static Response search(ServiceProcess instance, String key) {
        return given().baseUri(instance.url())
                .header("Authorization", "Bearer " + key)
                .queryParam("q", PolarCorpus.WORD)
                .queryParam("mode", "keyword")
                .get("/v1/search");
    }

    /** A search answered with the corpus's three narwhal episodes. */
    private static ValidatableResponse found(Response answer) {
        return answer.then()
                .statusCode(200)
                .contentType("application/json")
                .body("mode", equalTo("keyword"))
                .body("degraded", nullValue())
                .body("results.episode.title", hasItems("Narwhal Season", "Tusks Under the Floe", "Spring Melt"));
    }
}
