package dev.podsearch.ingest.outbox;

import dev.podsearch.events.KafkaClients;
import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.ingest.TranscriptStatus;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes outbox rows to Kafka in id order (so in order per episode) and marks them sent only after Kafka
 * acknowledged them ({@code acks=all}, idempotent producer). A failed round rolls back and is retried with backoff, so
 * an accepted upload is published once Kafka is reachable again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    IngestConfig config;

    @Inject
    EntityManager entityManager;

    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean wakeRequested;
    private KafkaProducer<String, byte[]> producer;
    private Thread worker;
    private boolean topicsReady;

    void start(@Observes StartupEvent event) {
        producer = KafkaClients.reliableProducer(
                bootstrapServers,
                Map.of(
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

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                ensureTopics();
                int sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
                backoff = Duration.ZERO;
                if (sent > 0) {
                    continue;
                }
                await(Duration.ofMillis(500));
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                Log.warnf("outbox relay: publishing failed (%s); retrying in %d ms", causes(e), backoff.toMillis());
                await(backoff);
            }
        }
    }

    private void ensureTopics() {
        if (topicsReady) {
            return;
        }
        KafkaClients.ensureTopics(bootstrapServers, Duration.ofSeconds(5));
        topicsReady = true;
    }

    /** One round: up to a batch of unsent events, sent and confirmed, then marked sent, in one transaction. */
    int publishBatch() {
        // Plain SQL: only what is sent is read, and one statement marks the batch sent (an entity update would rewrite
        // every column, payload included, row by row).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, topic, record_key, episode_id, payload FROM outbox_event"
                        + " WHERE sent_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("limit", config.outbox().batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            acks.add(producer.send(new ProducerRecord<>(
                    (String) row[1], (String) row[2], ((String) row[4]).getBytes(StandardCharsets.UTF_8))));
        }
        producer.flush();
        List<Long> ids = new ArrayList<>(rows.size());
        List<UUID> episodes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            await(acks.get(i), ((Number) row[0]).longValue(), (UUID) row[3]);
            ids.add(((Number) row[0]).longValue());
            episodes.add((UUID) row[3]);
        }
        Instant now = Instant.now();
        entityManager
                .createNativeQuery("UPDATE outbox_event SET sent_at = :now, attempts = attempts + 1, last_error = NULL"
                        + " WHERE id IN (:ids)")
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
        entityManager
                .createQuery("UPDATE Transcript t SET t.status = :published, t.publishedToKafkaAt = :now "
                        + "WHERE t.status = :received AND t.id IN :ids")
                .setParameter("published", TranscriptStatus.PUBLISHED)
                .setParameter("received", TranscriptStatus.RECEIVED)
                .setParameter("now", now)
                .setParameter("ids", episodes)
                .executeUpdate();
        Log.debugf("outbox relay: published %d event(s), last id %d", rows.size(), ids.getLast());
        return rows.size();
    }

    private void await(Future<RecordMetadata> ack, long id, UUID episode) {
        try {
            ack.get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(
                    "event " + id + " of episode " + episode + " not acknowledged: " + cause.getMessage(), cause);
        }
    }

    private void await(Duration timeout) {
        synchronized (signal) {
            if (!wakeRequested && running) {
                try {
                    signal.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }

    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
