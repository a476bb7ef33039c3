package dev.podsearch.ingest.outbox;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.events.consume.BatchHandler;
import dev.podsearch.events.consume.ConsumerLoop;
import dev.podsearch.events.consume.RecordSpans;
import dev.podsearch.ingest.IngestFacts;
import dev.podsearch.ingest.IngestMetrics;
import dev.podsearch.ingest.TranscriptStatus;
import dev.podsearch.support.LogFields;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns the indexer's outcomes ({@link Topics#TRANSCRIPTS_INDEXED}) into upload statuses: {@code INDEXED} or {@code
 * FAILED} with its reason. An outcome for a revision that is no longer current changes nothing. A failed revision
 * takes the outcome of a later attempt (its dead letter replayed after a fix: {@code INDEXED}, or failed again with
 * another reason); an indexed one stays indexed (its documents are in the index whatever a later attempt says).
 * {@code EMBEDDED} (the embed stage wrote the revision's vectors) is a step of an indexed current revision,
 * {@code steps.embedded}; the status stays {@code INDEXED}. Each poll is applied in one transaction, then committed
 * ({@link ConsumerLoop}).
 */
@ApplicationScoped
public class IndexedStatusConsumer {

    static final String GROUP = IngestFacts.STATUS_GROUP;

    @Inject
    KafkaConnection connection;

    @Inject
    KafkaTopics topics;

    @Inject
    EntityManager entityManager;

    @Inject
    IngestMetrics metrics;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    private ConsumerLoop loop;

    void start(@Observes StartupEvent event) {
        Map<String, Object> settings = connection.settings();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        loop = new ConsumerLoop(
                ConsumerLoop.Spec.named("indexed-status", settings, Duration.ofSeconds(2), Duration.ofSeconds(3))
                        .subscribe(List.of(Topics.TRANSCRIPTS_INDEXED)),
                () -> {
                    topics.ensure();
                    return BatchHandler.eachPoll(
                            records -> QuarkusTransaction.requiringNew().run(() -> records.forEach(this::applyLogged)));
                },
                registry);
        loop.start();
    }

    /** Bounded: a worker still busy after this (a daemon thread) does not hold up the exit. */
    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    /**
     * Applies a record in a CONSUMER span, a child of the outcome's trace context (the upload's trace), current while
     * it runs (so its log lines carry the trace id), with its topic-partition@offset (and, once read, its episode) as
     * fields of its log lines.
     */
    private void applyLogged(ConsumerRecord<String, byte[]> record) {
        Span span =
                RecordSpans.process(tracer, record.topic() + " process", record).startSpan();
        try (Scope scope = span.makeCurrent();
                LogFields fields = LogFields.record(record.topic(), record.partition(), record.offset())) {
            apply(record);
        } finally {
            span.end();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        IndexedEvent event;
        UUID id;
        try {
            event = TranscriptEventCodec.decodeIndexed(record.value());
            id = UUID.fromString(String.valueOf(event.episodeId()));
        } catch (TranscriptEventCodec.InvalidEventException | IllegalArgumentException e) {
            Span.current().setStatus(StatusCode.ERROR, "unreadable outcome: " + e.getMessage());
            Log.warnf(
                    "indexed-status: skipping unreadable record %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        Span.current()
                .setAttribute(RelaySpans.EPISODE, id.toString())
                .setAttribute(RelaySpans.REVISION, event.revision())
                .setAttribute("podsearch.outcome", event.status());
        try (LogFields fields = LogFields.episode(id, event.revision())) {
            apply(event, id);
        }
    }

    private void apply(IndexedEvent event, UUID id) {
        if ("EMBEDDED".equals(event.status())) {
            embedded(event, id);
            return;
        }
        TranscriptStatus status =
                switch (event.status()) {
                    case "INDEXED" -> TranscriptStatus.INDEXED;
                    case "FAILED" -> TranscriptStatus.FAILED;
                    default -> null; // DELETED: the upload is DELETED already
                };
        if (status == null) {
            return;
        }
        int updated = entityManager
                .createQuery("UPDATE Transcript t SET t.status = :status, t.statusReason = :reason,"
                        + " t.indexedAt = :at, t.publishedToKafkaAt = COALESCE(t.publishedToKafkaAt, :at)"
                        + " WHERE t.id = :id AND t.revision = :revision"
                        + " AND t.status IN (:received, :published, :failed)")
                .setParameter("status", status)
                .setParameter("reason", event.reason())
                .setParameter("at", event.indexedAt())
                .setParameter("id", id)
                .setParameter("revision", event.revision())
                .setParameter("received", TranscriptStatus.RECEIVED)
                .setParameter("published", TranscriptStatus.PUBLISHED)
                .setParameter("failed", TranscriptStatus.FAILED)
                .executeUpdate();
        Span.current().setAttribute("podsearch.status.changed", updated == 1);
        Log.debugf("episode %s revision %d: %s (%d row)", event.episodeId(), event.revision(), status, updated);
        if (updated == 1 && status == TranscriptStatus.INDEXED && event.indexedAt() != null) {
            Instant received = entityManager
                    .createQuery("SELECT t.receivedAt FROM Transcript t WHERE t.id = :id", Instant.class)
                    .setParameter("id", id)
                    .getSingleResult();
            if (received != null) {
                metrics.freshness(Duration.between(received, event.indexedAt()));
            }
        }
    }

    /** The embed stage wrote the vectors of a revision: a step of the current revision if it is indexed; status stays. */
    private void embedded(IndexedEvent event, UUID id) {
        int updated = entityManager
                .createQuery("UPDATE Transcript t SET t.embeddedAt = :at"
                        + " WHERE t.id = :id AND t.revision = :revision AND t.status = :indexed")
                .setParameter("at", event.indexedAt())
                .setParameter("id", id)
                .setParameter("revision", event.revision())
                .setParameter("indexed", TranscriptStatus.INDEXED)
                .executeUpdate();
        Span.current().setAttribute("podsearch.status.changed", updated == 1);
        Log.debugf("episode %s revision %d: embedded (%d row)", event.episodeId(), event.revision(), updated);
    }
}
