package dev.podsearch.index;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.index.lease.ClusterLease;
import dev.podsearch.index.lease.LeaseHeldException;
import dev.podsearch.index.lease.LeaseLostException;
import dev.podsearch.index.lease.Leases;
import dev.podsearch.search.Indices;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * One reindex in the whole cluster: instances with different names taking the same lease in the real OpenSearch, and
 * the admin API answering 409 with the holder while another instance holds it.
 */
@QuarkusTest
class ReindexLeaseTest extends IndexTestBase {

    private static final Duration TTL = Duration.ofSeconds(30);

    private ClusterLease instance(String job, String owner, Clock clock) {
        return new ClusterLease(client, job, owner, TTL, 0, clock);
    }

    private ClusterLease instance(String job, String owner) {
        return instance(job, owner, Clock.systemUTC());
    }

    @Test
    void whileOneInstanceHoldsTheLeaseTheOtherIsToldWhoAndUntilWhen() {
        String job = "job-" + UUID.randomUUID();
        ClusterLease a = instance(job, "index-a");
        ClusterLease b = instance(job, "index-b");

        ClusterLease.Held held = a.acquire();
        LeaseHeldException refused = assertThrows(LeaseHeldException.class, b::acquire);
        assertEquals("index-a", refused.owner());
        assertEquals(held.lease().expiresAt(), refused.expiresAt());

        ClusterLease.Held renewed = a.renew(held);
        assertTrue(renewed.lease().expiresAt().isAfter(held.lease().expiresAt().minusMillis(1)));
        assertEquals("index-a", b.current().orElseThrow().owner());

        a.release(renewed);
        assertEquals(Optional.empty(), b.current());
        ClusterLease.Held taken = b.acquire();
        assertEquals("index-b", taken.lease().owner());
        assertEquals(
                "index-b", assertThrows(LeaseHeldException.class, a::acquire).owner());
    }

    @Test
    void ofInstancesRacingForAFreeLeaseExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String job = "race-" + UUID.randomUUID();
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<String>> racers = new ArrayList<>();
                for (String owner : List.of("index-a", "index-b")) {
                    racers.add(CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    go.await();
                                    return instance(job, owner)
                                            .acquire()
                                            .lease()
                                            .owner();
                                } catch (LeaseHeldException e) {
                                    return "refused, held by " + e.owner();
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            pool));
                }
                go.countDown();
                List<String> outcomes =
                        racers.stream().map(CompletableFuture::join).toList();
                String winner = instance(job, "reader").current().orElseThrow().owner();
                assertEquals(
                        List.of(winner, "refused, held by " + winner).stream()
                                .sorted()
                                .toList(),
                        outcomes.stream().sorted().toList(),
                        "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheOldHolderCanNeitherRenewNorReleaseIt() {
        String job = "expiry-" + UUID.randomUUID();
        ClusterLease a = instance(job, "index-a");
        ClusterLease.Held stale = a.acquire();
        // index-b reads the lease a minute later: index-a (stopped, or too slow to renew) let it expire
        Clock later = Clock.offset(Clock.systemUTC(), TTL.plusSeconds(30));
        ClusterLease b = instance(job, "index-b", later);

        ClusterLease.Held taken = b.acquire();
        assertEquals("index-b", taken.lease().owner());
        LeaseLostException lost = assertThrows(LeaseLostException.class, () -> a.renew(stale));
        assertTrue(lost.getMessage().contains("taken over by index-b"), lost.getMessage());

        a.release(stale);
        assertEquals("index-b", b.current().orElseThrow().owner());
        Instant now = Instant.now();
        LeaseHeldException refused =
                assertThrows(LeaseHeldException.class, () -> instance(job, "index-c", Clock.fixed(now, ZoneOffset.UTC))
                        .acquire());
        assertEquals("index-b", refused.owner());
    }

    @Test
    void aReindexWhileAnotherInstanceHoldsTheLeaseIsRefusedWithTheHolder() {
        ClusterLease other = instance(Leases.REINDEX, "index-service-other");
        ClusterLease.Held held = other.acquire();
        try {
            given().post("/admin/reindex")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("title", equalTo("A reindex is running"))
                    .body("holder", equalTo("index-service-other"))
                    .body("until", equalTo(held.lease().expiresAt().toString()))
                    .body("detail", containsString("running on instance index-service-other"));
            given().get("/admin/reindex/lease")
                    .then()
                    .statusCode(200)
                    .body("owner", equalTo("index-service-other"))
                    .body("expiresAt", equalTo(held.lease().expiresAt().toString()));
        } finally {
            other.release(held);
        }
        given().get("/admin/reindex/lease")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no reindex runs in the cluster"));
    }

    @Test
    void aReindexTakingOverFromADeadInstanceDropsTheAliasItLeftBehind() throws Exception {
        // an instance died while reindexing: its lease expired a minute ago, its new index still takes every write
        String leftBehind = "moments-dead-" + UUID.randomUUID();
        client.indices().create(c -> c.index(leftBehind).aliases(Indices.MOMENTS + "-next", a -> a));
        Clock aMinuteAgo = Clock.offset(Clock.systemUTC(), TTL.plusSeconds(30).negated());
        instance(Leases.REINDEX, "index-service-dead", aMinuteAgo).acquire();

        given().post("/admin/reindex").then().statusCode(202).body("state", equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() ->
                        given().get("/admin/reindex").then().statusCode(200).body("state", equalTo("DONE")));

        assertFalse(client.indices()
                .existsAlias(a -> a.name(Indices.MOMENTS + "-next"))
                .value());
        assertTrue(client.indices().exists(e -> e.index(leftBehind)).value(), "kept for an operator to look at");
        given().get("/admin/reindex/lease").then().statusCode(404);
        client.indices().delete(d -> d.index(leftBehind));
    }
}
