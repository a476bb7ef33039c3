package dev.podsearch.ingest.feed;

import static dev.podsearch.ingest.feed.FeedSubscriptionTest.subscribe;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two pollers (as two ingest instances would be) racing for one feed: it is polled once. */
@QuarkusTest
class FeedLeaseTest {

    private final FeedServer server = new FeedServer();

    @Inject
    FeedLeases leases;

    @Inject
    FeedPoller poller;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private UUID subscribed() {
        server.fixture("/feed.xml", "feed-v1.xml").fixture("/t/004.html", "004.html");
        return UUID.fromString(subscribe(server.base() + "/feed.xml"));
    }

    /** Runs both at the same moment; their answers in order. */
    private static <T> List<T> race(Callable<T> a, Callable<T> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<T> first = pool.submit(() -> {
                start.await();
                return a.call();
            });
            Future<T> second = pool.submit(() -> {
                start.await();
                return b.call();
            });
            start.countDown();
            return List.of(first.get(), second.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<UUID> claimAndPoll(UUID id, String owner) {
        Optional<UUID> claimed = leases.claim(id, owner);
        claimed.ifPresent(feed -> poller.poll(feed, owner));
        return claimed;
    }

    @Test
    void twoPollersClaimingOneFeedPollItOnce() throws Exception {
        UUID id = subscribed();

        List<Optional<UUID>> claims = race(() -> claimAndPoll(id, "instance-a"), () -> claimAndPoll(id, "instance-b"));

        assertEquals(1, claims.stream().filter(Optional::isPresent).count(), claims.toString());
        assertEquals(1, server.requestsFor("/feed.xml").size());
        // the lease went with the poll: the feed can be claimed again (and the API polls it)
        assertEquals("PARTIAL", FeedSubscriptionTest.poll(id.toString()).getString("lastResult"));
        assertEquals(2, server.requestsFor("/feed.xml").size());
    }

    @Test
    void aFeedLeasedToAnotherPollerIsNotPolledAgain() {
        UUID id = subscribed();
        assertTrue(leases.claim(id, "instance-elsewhere").isPresent());

        given().post("/v1/feeds/{id}/poll", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/feed-busy"));
        given().get("/v1/feeds/{id}", id).then().body("polling", equalTo(true));
        assertEquals(0, server.requestsFor("/feed.xml").size());
    }

    @Test
    void dueFeedsAreClaimedByOneSchedulerOnly() throws Exception {
        UUID id = subscribed(); // due at once

        List<List<UUID>> claims = race(() -> leases.claimDue("sched-a", 50), () -> leases.claimDue("sched-b", 50));

        assertEquals(1, claims.stream().filter(ids -> ids.contains(id)).count(), "claimed by exactly one: " + claims);
        for (int i = 0; i < 2; i++) {
            String owner = i == 0 ? "sched-a" : "sched-b";
            claims.get(i).forEach(feed -> poller.poll(feed, owner)); // what the scheduler does; releases them
        }
        assertEquals(1, server.requestsFor("/feed.xml").size());
        given().get("/v1/feeds/{id}", id).then().body("lastResult", equalTo("PARTIAL"));
    }
}
