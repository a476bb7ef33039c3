package dev.podsearch.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A saved search (table {@code alert}): the user's q and filters, the webhook it is delivered to and its signing
 * secret, and what query-service compiled it to. Deleted alerts keep their row (their deliveries refer to it) with
 * {@code deletedAt} set.
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    public String q;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> shows;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> speakers;

    public String lang;
    public String mode;

    @Column(name = "webhook_url")
    public String webhookUrl;

    public String secret;
    public boolean paused;
    public String owner;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The compiled query over one moment (JSON), as query-service answered it. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String compiled;

    /** The query's vector (mode hybrid, when the model was ready at compile time); null otherwise. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public float[] vector;

    @Column(name = "meaning_floor")
    public Double meaningFloor;

    /** What a moment found by meaning must also match (phrases, exclusions, filters; JSON); null for keyword. */
    @Column(name = "meaning_filter", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String meaningFilter;

    /** Whether the alert matches by meaning too: mode hybrid with a query vector. */
    public boolean byMeaning() {
        return "hybrid".equals(mode) && vector != null && meaningFloor != null;
    }

    /** The owner's alert with this id, unless deleted. */
    public static java.util.Optional<Alert> owned(UUID id, String owner) {
        return find("id = ?1 and owner = ?2 and deletedAt is null", id, owner).firstResultOptional();
    }
}
