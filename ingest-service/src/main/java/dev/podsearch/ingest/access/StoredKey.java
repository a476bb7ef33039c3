package dev.podsearch.ingest.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API key as stored: its public id, name, role, own rate (if any) and the SHA-256 of its secret, never the secret. */
@Entity
@Table(name = "api_key")
public class StoredKey extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public String role;

    /** The key's own quota ({@code 50/s}); null: its role's. */
    public String rate;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
