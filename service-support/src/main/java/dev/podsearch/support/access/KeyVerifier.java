package dev.podsearch.support.access;

import java.util.Optional;

/**
 * Decides whether a key is valid: the ingest service looks it up in PostgreSQL, the other services ask the ingest
 * service ({@link RemoteKeyVerifier}). Blocking; called on a worker thread.
 */
public interface KeyVerifier {

    /** The key's owner; empty when no live key has this id and secret (unknown, wrong secret, or revoked). */
    Optional<KeyOwner> verify(ApiKey key);
}
