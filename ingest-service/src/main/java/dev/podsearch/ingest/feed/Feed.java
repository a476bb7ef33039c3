package dev.podsearch.ingest.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A subscribed feed: where it is, what it says about itself, and how its polls went. */
@Entity
@Table(name = "feed")
public class Feed extends PanacheEntityBase {

    @Id
    public UUID id;

    public String url;
    public String title;
    public String language;

    @Column(name = "created_at")
    public Instant createdAt;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_poll_at")
    public Instant lastPollAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_result")
    public PollResult lastResult;

    @Column(name = "last_error")
    public String lastError;

    /** Polls that failed in a row (the backoff grows with them); 0 after any poll that read the feed. */
    public int failures;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /**
     * Subscribes {@code url} as feed {@code id}, due at once: true, or false when the URL is already subscribed. One
     * statement, so two subscribes of one URL at once both succeed (one creates it) instead of the second breaking
     * the URL's unique index.
     */
    public static boolean subscribe(UUID id, String url) {
        Instant now = Instant.now();
        return getEntityManager()
                        .createNativeQuery(
                                "INSERT INTO feed (id, url, created_at, next_poll_at) VALUES (:id, :url, :now,"
                                        + " :now) ON CONFLICT (url) DO NOTHING")
                        .setParameter("id", id)
                        .setParameter("url", url)
                        .setParameter("now", java.sql.Timestamp.from(now))
                        .executeUpdate()
                == 1;
    }
}
