package dev.podsearch.ingest.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting to be published, written in the same transaction as the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    public Long id;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "episode_id")
    public UUID episodeId;

    public long revision;

    @Column(name = "event_type")
    public String eventType;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** When the relay set it aside for good (Kafka refused it); null while it is still to be sent. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    /** The W3C trace context of the request that wrote the event (null: none, or written before tracing). */
    public String traceparent;

    public String tracestate;

    /** Not before this time is it sent again (after a passing failure); null: at the next round. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
}
