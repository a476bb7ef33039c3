package dev.podsearch.ingest.outbox;

import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.support.work.WakeSignal;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Publishes outbox rows to Kafka in id order (so in order per episode) with an idempotent producer ({@code
 * acks=all}), round after round ({@link OutboxRound}). Each event has its own outcome: acknowledged ones are marked
 * sent whatever became of the others; one Kafka refuses for good is parked ({@link OutboxLedger}) and blocks nothing;
 * one that failed for a passing reason waits out its backoff while the ones after it go on.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The producer's own limit, checked against the uncompressed record. */
    static final int MAX_REQUEST_BYTES = 4 * TopicSetup.MAX_MESSAGE_BYTES;

    @Inject
    KafkaConnection connection;

    @Inject
    KafkaTopics topics;

    @Inject
    IngestConfig config;

    @Inject
    OutboxRound round;

    @Inject
    OutboxLedger ledger;

    @Inject
    ParkedEvents parked;

    private final WakeSignal signal = new WakeSignal();
    private volatile boolean running;
    private KafkaProducer<String, byte[]> producer;
    private Thread worker;
    private volatile String kafkaProblem;

    void start(@Observes StartupEvent event) {
        producer = KafkaClients.reliableProducer(
                connection.settings(),
                Map.of(
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        MAX_REQUEST_BYTES,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        5_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        (int) config.outbox().sendTimeout().toMillis(),
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        (int) Math.min(config.outbox().sendTimeout().toMillis(), 10_000)));
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    /**
     * Bounded whatever state Kafka is in: the worker finishes a round on its own, or the producer is closed under it
     * (its sends and acknowledgements then fail at once, are recorded as passing failures, and the round ends).
     */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        join(Duration.ofSeconds(1));
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
        }
        join(Duration.ofSeconds(3));
    }

    /** Null while Kafka takes the events; else why the last round could not publish any (a readiness detail). */
    public String kafkaProblem() {
        return kafkaProblem;
    }

    private void join(Duration timeout) {
        if (worker != null) {
            try {
                worker.join(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        signal.wake();
    }

    private void loop() {
        int failedRounds = 0;
        while (running) {
            try {
                topics.ensure();
                OutboxRound.Result result = round.run(producer, MAX_REQUEST_BYTES, () -> running);
                if (!result.failed().isEmpty()) {
                    ledger.record(result.failed());
                }
                if (result.failed().stream().anyMatch(f -> f.failure().permanent())) {
                    parked.refresh();
                }
                if (result.kafkaUnreachable()) {
                    throw new IllegalStateException(
                            result.failed().getFirst().failure().reason());
                }
                failedRounds = 0;
                kafkaProblem = null;
                if (result.sent() == 0 && result.failed().isEmpty()) {
                    await(Duration.ofMillis(500));
                }
            } catch (RuntimeException e) {
                kafkaProblem = causes(e);
                long backoff = OutboxLedger.BACKOFF.after(++failedRounds).toMillis();
                Log.warnf("outbox relay: publishing failed (%s); retrying in %d ms", causes(e), backoff);
                await(Duration.ofMillis(backoff));
            }
        }
    }

    private void await(Duration timeout) {
        if (!signal.await(timeout, () -> running)) {
            running = false;
        }
    }

    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getMessage());
        }
        return text.toString();
    }
}
