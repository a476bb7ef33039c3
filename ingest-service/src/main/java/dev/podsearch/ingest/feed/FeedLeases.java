package dev.podsearch.ingest.feed;

import dev.podsearch.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who polls which feed: a poller claims a feed by writing its owner id and a lease end into the row. Claims skip rows
 * another transaction is claiming ({@code FOR UPDATE SKIP LOCKED}) and rows whose lease has not ended, so two ingest
 * instances never poll one feed at once; a lease that ends without a release (the instance died) frees the feed.
 */
@ApplicationScoped
public class FeedLeases {

    private static final String CLAIM = "UPDATE feed SET lease_owner = :owner, lease_until = :until WHERE id IN ("
            + "SELECT id FROM feed WHERE %s AND (lease_until IS NULL OR lease_until < :now)"
            + " ORDER BY next_poll_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING id";

    @Inject
    EntityManager em;

    @Inject
    IngestConfig config;

    /** Claims up to {@code limit} feeds whose next poll is due, the longest due first. */
    @Transactional
    public List<UUID> claimDue(String owner, int limit) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery(CLAIM.formatted("next_poll_at <= :now"))
                .setParameter("owner", owner)
                .setParameter("until", Timestamp.from(now.plus(config.feeds().lease())))
                .setParameter("now", Timestamp.from(now))
                .setParameter("limit", limit)
                .getResultList();
        return ids.stream().map(id -> (UUID) id).toList();
    }

    /** Claims this feed whenever it is due; empty when another poller holds it. */
    @Transactional
    public Optional<UUID> claim(UUID id, String owner) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery(CLAIM.formatted("id = :id"))
                .setParameter("id", id)
                .setParameter("owner", owner)
                .setParameter("until", Timestamp.from(now.plus(config.feeds().lease())))
                .setParameter("now", Timestamp.from(now))
                .setParameter("limit", 1)
                .getResultList();
        return ids.stream().map(found -> (UUID) found).findFirst();
    }

    /** Extends the lease while the poll goes on; false when it was lost (it ended and another poller took it). */
    @Transactional
    public boolean renew(UUID id, String owner) {
        return em.createNativeQuery("UPDATE feed SET lease_until = :until WHERE id = :id AND lease_owner = :owner")
                        .setParameter(
                                "until",
                                Timestamp.from(Instant.now().plus(config.feeds().lease())))
                        .setParameter("id", id)
                        .setParameter("owner", owner)
                        .executeUpdate()
                == 1;
    }
}
