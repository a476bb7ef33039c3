package dev.podsearch.index.lease;

import java.time.Instant;

/** The lease is held by another instance (or, for a second start, by this one) and has not expired. */
public class LeaseHeldException extends RuntimeException {

    private final transient LeaseDocument holder;

    public LeaseHeldException(String job, LeaseDocument holder) {
        super("the " + job + " lease is held by " + holder.owner() + " until " + holder.expiresAt());
        this.holder = holder;
    }

    public String owner() {
        return holder.owner();
    }

    public Instant acquiredAt() {
        return holder.acquiredAt();
    }

    public Instant expiresAt() {
        return holder.expiresAt();
    }
}
