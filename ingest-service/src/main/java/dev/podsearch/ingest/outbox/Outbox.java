package dev.podsearch.ingest.outbox;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.StatelessSession;

/**
 * Adds events to the outbox inside the caller's transaction, with the caller's trace context, and wakes the relay once
 * that transaction commits.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    jakarta.enterprise.event.Event<Added> added;

    @Inject
    OutboxRelay relay;

    /**
     * The row is inserted at once through a stateless session (no persistence context: its 25 KB payload is neither
     * copied at insert nor dirty-checked at commit), in the caller's JTA transaction, on the caller's connection.
     */
    @Inject
    StatelessSession session;

    /** Must run inside the transaction that makes the change the event announces. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(TranscriptEvent event) {
        add(event, TranscriptEventCodec.encode(event));
    }

    /** {@link #add(TranscriptEvent)}, the event's segments already JSON ({@link TranscriptEventCodec#encodeSegments}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(TranscriptEvent event, String segmentsJson) {
        add(event, TranscriptEventCodec.encode(event, segmentsJson));
    }

    private void add(TranscriptEvent event, byte[] payload) {
        OutboxEvent row = new OutboxEvent();
        row.topic = Topics.TRANSCRIPTS;
        row.recordKey = event.episodeId();
        row.episodeId = UUID.fromString(event.episodeId());
        row.revision = event.revision();
        row.eventType = event.type().name();
        row.payload = new String(payload, StandardCharsets.UTF_8);
        row.createdAt = Instant.now();
        StoredTrace trace = StoredTrace.current(); // the upload's (or delete's) trace: the relay continues it
        row.traceparent = trace.traceparent();
        row.tracestate = trace.tracestate();
        session.insert(row);
        added.fire(new Added(row.id));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Added event) {
        relay.wakeUp();
    }

    /** Fired when an event row is written; observed after the commit. */
    public record Added(Long id) {}
}
