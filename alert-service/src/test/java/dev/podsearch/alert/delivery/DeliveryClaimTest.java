package dev.podsearch.alert.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.support.outbound.WebhookSignature;
import dev.podsearch.testing.webhook.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas sharing the deliveries, on the real PostgreSQL: two claiming at once never get the same delivery, one that
 * dies between claim and outcome leaves its deliveries to be sent again once the claim runs out, and a deleted alert's
 * pending deliveries are cancelled, not sent.
 */
@QuarkusTest
@TestProfile(ManualDispatch.class)
class DeliveryClaimTest {

    private static final String PAYLOAD = "{\"moments\": []}";
    private static final Duration DAY = Duration.ofDays(1);
    private static WebhookReceiver receiver;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeliveryClaims claims;

    @Inject
    DeliveryDispatcher dispatcher;

    private DeliveryRows rows;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void clean() {
        rows = new DeliveryRows(dataSource);
        // deliveries other tests left pending (due later) would be claimed here too
        rows.update("UPDATE alerts.alert_delivery SET status = 'cancelled' WHERE status = 'pending'");
    }

    /**
     * The servers outlive this profile: deliveries left pending here would be sent by the next profile's dispatcher,
     * to a receiver that is gone.
     */
    @AfterEach
    void cancelWhatIsLeft() {
        rows.update("UPDATE alerts.alert_delivery SET status = 'cancelled' WHERE status = 'pending'");
    }

    @Test
    void twoReplicasClaimingAtOnceNeverGetTheSameDelivery() throws Exception {
        UUID alert = rows.alert(receiver.script("/claimed", 204), WebhookSignature.newSecret());
        Set<UUID> recorded = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            recorded.add(rows.delivery(alert, PAYLOAD, Duration.ofSeconds(-1), DAY));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<List<Claimed>>> replicas = new ArrayList<>();
        // the replicas' threads load classes as the application does (a pool thread's own class loader would find
        // the reactive converters twice, and the first transaction to start on it would fail its class init)
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        java.util.concurrent.Executor threads =
                task -> Thread.ofPlatform().unstarted(task).start();
        for (int replica = 0; replica < 2; replica++) {
            replicas.add(CompletableFuture.supplyAsync(
                    () -> {
                        Thread.currentThread().setContextClassLoader(application);
                        List<Claimed> mine = new ArrayList<>();
                        arrive(start);
                        for (int round = 0; round < 10; round++) {
                            mine.addAll(claims.claimDue(3, Duration.ofMinutes(5)));
                        }
                        return mine;
                    },
                    threads));
        }
        List<UUID> first = ids(replicas.get(0).get());
        List<UUID> second = ids(replicas.get(1).get());

        Set<UUID> both = new HashSet<>(first);
        both.retainAll(second);
        assertEquals(Set.of(), both, "claimed by both replicas");
        assertEquals(first.size(), Set.copyOf(first).size(), "claimed twice by one replica");
        Set<UUID> claimed = new HashSet<>(first);
        claimed.addAll(second);
        assertEquals(recorded, claimed, "together they claimed every due delivery");
        assertTrue(claims.claimDue(10, Duration.ofMinutes(5)).isEmpty(), "a claimed delivery is not due");
    }

    @Test
    void aDeliveryClaimedByAReplicaThatDiedIsSentAgainOnceTheClaimRunsOut() {
        UUID alert = rows.alert(receiver.script("/orphaned", 204), WebhookSignature.newSecret());
        UUID delivery = rows.delivery(alert, PAYLOAD, Duration.ofSeconds(-1), DAY);
        Instant claimedAt = Instant.now();
        // the replica that dies: claims for 2 s, never sends, never records
        assertEquals(List.of(delivery), ids(claims.claimDue(10, Duration.ofSeconds(2))));

        assertEquals(0, dispatcher.round(), "another replica leaves it alone while the claim holds");
        await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.round() == 1);

        assertEquals("delivered", rows.status(delivery));
        List<WebhookReceiver.Request> received = receiver.requests("/orphaned");
        assertEquals(1, received.size());
        assertEquals(delivery.toString(), received.getFirst().deliveryId());
        assertTrue(
                received.getFirst().at().isAfter(claimedAt.plusMillis(1_900)),
                "sent once the claim ran out: " + received.getFirst().at() + " vs " + claimedAt);
    }

    @Test
    void deletingOrPausingAnAlertCancelsItsPendingDeliveries() {
        UUID deleted = rows.alert(receiver.script("/deleted", 204), WebhookSignature.newSecret());
        UUID paused = rows.alert(receiver.script("/paused", 204), WebhookSignature.newSecret());
        UUID live = rows.alert(receiver.script("/live", 204), WebhookSignature.newSecret());
        UUID ofDeleted = rows.delivery(deleted, PAYLOAD, Duration.ofSeconds(-1), DAY);
        UUID ofPaused = rows.delivery(paused, PAYLOAD, Duration.ofSeconds(-1), DAY);
        UUID ofLive = rows.delivery(live, PAYLOAD, Duration.ofSeconds(-1), DAY);
        rows.update("UPDATE alerts.alert SET deleted_at = now() WHERE id = ?", deleted);
        rows.update("UPDATE alerts.alert SET paused = true WHERE id = ?", paused);

        assertEquals(1, dispatcher.round());

        assertEquals("cancelled", rows.status(ofDeleted));
        assertEquals("cancelled", rows.status(ofPaused));
        assertEquals("delivered", rows.status(ofLive));
        assertEquals(
                0,
                receiver.requests("/deleted").size()
                        + receiver.requests("/paused").size());
        assertEquals(1, receiver.requests("/live").size());
    }

    private static List<UUID> ids(List<Claimed> claimed) {
        return claimed.stream().map(Claimed::id).toList();
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
