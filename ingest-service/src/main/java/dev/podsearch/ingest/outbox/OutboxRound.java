package dev.podsearch.ingest.outbox;

import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.ingest.IngestMetrics;
import dev.podsearch.ingest.TranscriptStatus;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One relay round: up to a batch of events that are due, sent, each with its own outcome. Acknowledged events are
 * marked sent in the round's transaction (which holds their rows, so no other replica sends them meanwhile); the
 * others are handed back to be recorded in a transaction of their own (see {@link OutboxLedger}).
 */
@ApplicationScoped
class OutboxRound {

    @Inject
    IngestConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    RelaySpans spans;

    @Inject
    IngestMetrics metrics;

    /** What became of the events of one round. */
    record Result(int sent, List<OutboxLedger.Failed> failed) {
        boolean kafkaUnreachable() {
            return sent == 0 && failed.stream().anyMatch(f -> !f.failure().permanent());
        }
    }

    private record Pending(
            long id,
            String topic,
            UUID episode,
            long revision,
            int attempts,
            int bytes,
            Future<RecordMetadata> ack,
            Span span,
            long createdAtMillis) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Result run(Producer<String, byte[]> producer, long maxRequestBytes, BooleanSupplier running) {
        // Plain SQL: only what is sent is read, and one statement marks the acknowledged ones sent (an entity update
        // would rewrite every column, payload included, row by row).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, topic, record_key, episode_id, revision, attempts, payload, traceparent,"
                        + " tracestate, (EXTRACT(EPOCH FROM created_at) * 1000)::bigint"
                        + " FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= now())"
                        + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("limit", config.outbox().batchSize())
                .getResultList();
        List<Pending> pending = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (!running.getAsBoolean()) {
                break;
            }
            byte[] payload = ((String) row[6]).getBytes(StandardCharsets.UTF_8);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) row[1], (String) row[2], payload);
            Span span = spans.publish(
                    new StoredTrace((String) row[7], (String) row[8]),
                    record,
                    (UUID) row[3],
                    ((Number) row[4]).longValue());
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(record);
            } catch (RuntimeException e) { // closed, or an error thrown rather than handed to the future
                ack = CompletableFuture.failedFuture(e);
            }
            pending.add(new Pending(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (UUID) row[3],
                    ((Number) row[4]).longValue(),
                    ((Number) row[5]).intValue(),
                    payload.length,
                    ack,
                    span,
                    ((Number) row[9]).longValue()));
            if (ack.isDone() && failedForNow(ack)) {
                break; // no metadata within max.block.ms: Kafka is out of reach, the rest waits for the next round
            }
        }
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        List<Long> sent = new ArrayList<>(pending.size());
        List<OutboxLedger.Failed> failed = new ArrayList<>();
        for (Pending event : pending) {
            try {
                RecordMetadata metadata =
                        event.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                RelaySpans.acknowledged(event.span(), metadata);
                sent.add(event.id());
                metrics.published(Duration.ofMillis(System.currentTimeMillis() - event.createdAtMillis()));
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                SendFailure failure = SendFailure.of(
                        e instanceof TimeoutException
                                ? new TimeoutException("no acknowledgement within "
                                        + config.outbox().sendTimeout())
                                : e,
                        event.id(),
                        event.topic(),
                        event.bytes(),
                        maxRequestBytes);
                RelaySpans.failed(event.span(), failure.reason());
                failed.add(new OutboxLedger.Failed(
                        event.id(),
                        event.episode(),
                        event.revision(),
                        event.attempts(),
                        failure,
                        event.span().getSpanContext().getTraceId()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                RelaySpans.failed(event.span(), "the relay was stopped before Kafka acknowledged the event");
                failed.add(new OutboxLedger.Failed(
                        event.id(),
                        event.episode(),
                        event.revision(),
                        event.attempts(),
                        new SendFailure(false, "the relay was stopped before Kafka acknowledged the event"),
                        event.span().getSpanContext().getTraceId()));
            }
        }
        markSent(sent);
        return new Result(sent.size(), failed);
    }

    private void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        entityManager
                .createNativeQuery("UPDATE outbox_event SET sent_at = :now, attempts = attempts + 1, last_error = NULL,"
                        + " next_attempt_at = NULL WHERE id IN (:ids)")
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
        // the upload is PUBLISHED when its current revision is: an older revision's event going out changes nothing
        entityManager
                .createNativeQuery("UPDATE transcript t SET status = :published, published_to_kafka_at = :now"
                        + " FROM outbox_event e WHERE e.id IN (:ids) AND t.id = e.episode_id"
                        + " AND t.revision = e.revision AND t.status = :received")
                .setParameter("published", TranscriptStatus.PUBLISHED.name())
                .setParameter("received", TranscriptStatus.RECEIVED.name())
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
        Log.debugf("outbox relay: published %d event(s), last id %d", ids.size(), ids.getLast());
    }

    private static boolean failedForNow(Future<RecordMetadata> ack) {
        try {
            ack.get(0, TimeUnit.MILLISECONDS);
            return false;
        } catch (ExecutionException e) {
            return !SendFailure.of(e, 0, "", 0, 0).permanent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (TimeoutException | RuntimeException e) {
            return true;
        }
    }
}
