package dev.podsearch.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.StatelessSession;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An episode's transcript at its current revision: the system of record that search is built from. */
@Entity
@Table(name = "transcript")
public class Transcript extends PanacheEntityBase {

    @Id
    public UUID id;

    /** What makes two uploads the same episode: the external id, else show and title. */
    @Column(name = "episode_key", nullable = false, unique = true)
    public String episodeKey;

    @Column(name = "external_id")
    public String externalId;

    public String show;
    public String title;
    public String notes;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "audio_url")
    public String audioUrl;

    public String language;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> speakers;

    public long revision;

    @Column(name = "content_sha256")
    public String contentSha256;

    public String format;

    @Column(name = "segment_count")
    public int segmentCount;

    /** The segments as a JSON array, serialized once (a mapped list would be deep-copied on every flush). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String segments;

    @Enumerated(EnumType.STRING)
    public TranscriptStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "published_to_kafka_at")
    public Instant publishedToKafkaAt;

    @Column(name = "indexed_at")
    public Instant indexedAt;

    @Column(name = "embedded_at")
    public Instant embeddedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The trace of the upload (or delete) that made the current revision: its whole way to search. */
    @Column(name = "trace_id")
    public String traceId;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The transcript with this id, locked for the rest of the transaction. */
    public static Optional<Transcript> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * The episode with this key, locked for the rest of the transaction; read through the upload's stateless session
     * (see {@code IngestService}), so the row is not kept in a persistence context. The lock is taken by the id alone,
     * in plain SQL on the session's connection: most uploads are of a new episode, and that is all they pay for the
     * lookup. (Through HQL it was a tenth of the service's CPU under load, Hibernate's work on the query more than the
     * database's; as a native query with a result class, worse: each call added an equal-hashing key to Hibernate's
     * query plan cache, and the lookups slowed down as it filled.)
     */
    public static Optional<Transcript> lockByEpisodeKey(StatelessSession session, String episodeKey) {
        UUID id = session.doReturningWork(connection -> {
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT id FROM transcript WHERE episode_key = ? FOR UPDATE")) {
                lock.setString(1, episodeKey);
                try (ResultSet row = lock.executeQuery()) {
                    return row.next() ? row.getObject(1, UUID.class) : null;
                }
            }
        });
        return Optional.ofNullable(id).map(found -> session.get(Transcript.class, found));
    }
}
