package dev.podsearch.alert.delivery;

import dev.podsearch.events.consume.Backoff;
import dev.podsearch.support.outbound.SendResult;
import dev.podsearch.support.outbound.WebhookSender;
import dev.podsearch.support.work.WakeSignal;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends the recorded webhooks, round after round on a thread of its own: cancels the pending deliveries of paused and
 * deleted alerts, claims the due ones ({@link DeliveryClaims}), sends them at once (one virtual thread each, every call
 * bounded by outbound.request-timeout) and records each attempt ({@link DeliveryLedger}). Any number of replicas may
 * run it: a claim keeps the others off a delivery.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Backoff BACKOFF = Backoff.of(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Inject
    DeliveryConfig config;

    @Inject
    DeliveryClaims claims;

    @Inject
    DeliveryLedger ledger;

    @Inject
    WebhookSender sender;

    private final WakeSignal signal = new WakeSignal();
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            running = true;
            worker = Thread.ofPlatform().name("alert-delivery").daemon().start(this::loop);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks for a round now rather than at the next poll (after deliveries were recorded, say). */
    public void wakeUp() {
        signal.wake();
    }

    /** One round: the number of deliveries it sent (a full batch means more may be due at once). */
    int round() {
        claims.cancelInactive();
        List<Claimed> due = claims.claimDue(config.batchSize(), config.claimFor());
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Claimed delivery : due) {
                calls.submit(() -> deliver(delivery));
            }
        } // waits for every call and its record
        return due.size();
    }

    private void deliver(Claimed delivery) {
        Instant attemptedAt = Instant.now();
        SendResult result =
                sender.send(delivery.webhookUrl(), delivery.id().toString(), delivery.secret(), delivery.payload());
        try {
            ledger.record(delivery, result, attemptedAt);
        } catch (RuntimeException e) {
            // the claim runs out and the delivery is sent again: at-least-once
            Log.errorf(
                    e,
                    "delivery %s: the attempt could not be recorded; it is due again after its claim",
                    delivery.id());
        }
    }

    private void loop() {
        int failedRounds = 0;
        while (running) {
            try {
                int sent = round();
                failedRounds = 0;
                if (sent < config.batchSize()) {
                    await(config.pollInterval());
                }
            } catch (RuntimeException e) {
                Duration backoff = BACKOFF.after(++failedRounds);
                Log.warnf("alert deliveries: a round failed (%s); next in %d ms", e.getMessage(), backoff.toMillis());
                await(backoff);
            }
        }
    }

    private void await(Duration timeout) {
        if (!signal.await(timeout, () -> running)) {
            running = false;
        }
    }
}
