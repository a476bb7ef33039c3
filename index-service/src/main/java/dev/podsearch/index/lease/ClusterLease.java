package dev.podsearch.index.lease;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpType;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.IndexResponse;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * A lease on one job, held in OpenSearch so that every replica of the service sees the same one: a document in
 * {@value #INDEX} whose id is the job's name. OpenSearch decides every race:
 *
 * <ul>
 *   <li>taking a free lease creates the document with {@code op_type=create}: of two instances, one gets 409;
 *   <li>taking over an expired lease, renewing and releasing write only if the document is still the version the
 *       instance read or wrote last ({@code if_seq_no} and {@code if_primary_term}): an instance whose lease was taken
 *       over never extends or deletes the new holder's.
 * </ul>
 *
 * Expiry is compared with the reading instance's clock: clocks may differ by much less than the lease's length.
 */
public final class ClusterLease {

    public static final String INDEX = "podsearch-leases";

    private static final int ATTEMPTS = 3;

    private final OpenSearchClient client;
    private final String job;
    private final String owner;
    private final Duration ttl;
    private final int replicas;
    private final Clock clock;

    /** A lease this instance holds: what it wrote, and the version of that write. */
    public record Held(String job, LeaseDocument lease, long seqNo, long primaryTerm) {}

    private record Stored(LeaseDocument lease, long seqNo, long primaryTerm) {}

    public ClusterLease(OpenSearchClient client, String job, String owner, Duration ttl, int replicas, Clock clock) {
        this.client = client;
        this.job = job;
        this.owner = owner;
        this.ttl = ttl;
        this.replicas = replicas;
        this.clock = clock;
    }

    public String owner() {
        return owner;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Takes the lease if it is free or has expired; else throws {@link LeaseHeldException} naming the holder. */
    public Held acquire() {
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            LeaseDocument mine = new LeaseDocument(owner, now, now.plus(ttl));
            Optional<Stored> current = read();
            if (current.isPresent() && current.get().lease().expiresAt().isAfter(now)) {
                throw new LeaseHeldException(job, current.get().lease());
            }
            Optional<Held> held = write(mine, current.orElse(null));
            if (held.isPresent()) {
                current.ifPresent(expired -> Log.warnf(
                        "lease %s: taken over by %s from %s, whose lease expired at %s",
                        job, owner, expired.lease().owner(), expired.lease().expiresAt()));
                Log.infof("lease %s: held by %s until %s", job, owner, mine.expiresAt());
                return held.get();
            }
            if (attempt == ATTEMPTS) {
                throw read().map(winner -> new LeaseHeldException(job, winner.lease()))
                        .orElseThrow(() -> new IllegalStateException("the " + job + " lease keeps changing hands"));
            }
        }
    }

    /** Extends a held lease by its length from now; {@link LeaseLostException} if another instance took it over. */
    public Held renew(Held held) {
        Instant now = clock.instant();
        LeaseDocument renewed = new LeaseDocument(owner, held.lease().acquiredAt(), now.plus(ttl));
        return write(renewed, new Stored(held.lease(), held.seqNo(), held.primaryTerm()))
                .orElseThrow(() -> new LeaseLostException("the " + job + " lease of " + owner + " was taken over"
                        + current().map(l -> " by " + l.owner()).orElse("") + " (it expired at "
                        + held.lease().expiresAt() + ")"));
    }

    /** Gives a held lease up; does nothing if another instance has taken it over meanwhile. */
    public void release(Held held) {
        try {
            client.delete(d -> d.index(INDEX).id(job).ifSeqNo(held.seqNo()).ifPrimaryTerm(held.primaryTerm()));
            Log.infof("lease %s: released by %s", job, owner);
        } catch (OpenSearchException | IOException e) {
            int status = status(e);
            if (status != 409 && status != 404) {
                throw failure(e);
            }
            Log.warnf("lease %s: not released by %s, another instance holds it now", job, owner);
        }
    }

    /** The lease as stored now, expired or not; empty if nobody holds it. */
    public Optional<LeaseDocument> current() {
        return read().map(Stored::lease);
    }

    private Optional<Stored> read() {
        try {
            GetResponse<LeaseDocument> found = client.get(g -> g.index(INDEX).id(job), LeaseDocument.class);
            return found.found()
                    ? Optional.of(new Stored(found.source(), found.seqNo(), found.primaryTerm()))
                    : Optional.empty();
        } catch (OpenSearchException | IOException e) {
            if (status(e) == 404) {
                return Optional.empty(); // no lease index yet
            }
            throw failure(e);
        }
    }

    /** Writes the lease if the stored one is still {@code expected} (or, if null, there is none); empty on 409. */
    private Optional<Held> write(LeaseDocument lease, Stored expected) {
        if (expected == null) {
            LeaseIndex.ensure(client, replicas);
        }
        try {
            IndexResponse written = client.index(i -> {
                i.index(INDEX).id(job).document(lease);
                return expected == null
                        ? i.opType(OpType.Create)
                        : i.ifSeqNo(expected.seqNo()).ifPrimaryTerm(expected.primaryTerm());
            });
            return Optional.of(new Held(job, lease, written.seqNo(), written.primaryTerm()));
        } catch (OpenSearchException | IOException e) {
            if (status(e) == 409) {
                return Optional.empty();
            }
            throw failure(e);
        }
    }

    /** The HTTP status of a refused request: the typed client reports some as exceptions, the transport others. */
    private static int status(Exception e) {
        if (e instanceof OpenSearchException refused) {
            return refused.status();
        }
        if (e instanceof ResponseException answered) {
            return answered.status();
        }
        return 0;
    }

    private static RuntimeException failure(Exception e) {
        return e instanceof RuntimeException unchecked ? unchecked : new UncheckedIOException((IOException) e);
    }
}
