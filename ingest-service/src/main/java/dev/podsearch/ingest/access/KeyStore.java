package dev.podsearch.ingest.access;

import dev.podsearch.support.access.ApiKey;
import dev.podsearch.support.access.KeyOwner;
import dev.podsearch.support.access.KeyVerifier;
import dev.podsearch.support.access.Quota;
import dev.podsearch.support.access.Role;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The API keys, in PostgreSQL: created, listed, revoked, and checked for every request that carries one (here, and
 * through /v1/access/whoami for the other services). Last use is recorded to the minute, so that checking a key does
 * not write a row on every request.
 */
@ApplicationScoped
public class KeyStore implements KeyVerifier {

    @Inject
    KeyLookup lookup;

    /** A new key (with its own quota, or null for its role's): the view with the whole key in it, shown once. */
    public KeyView create(String name, Role role, Quota rate) {
        return create(ApiKey.generate(), name, role, rate);
    }

    KeyView create(ApiKey key, String name, Role role, Quota rate) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredKey stored = new StoredKey();
            stored.id = key.id();
            stored.name = name;
            stored.role = role.label();
            stored.rate = rate == null ? null : rate.label();
            stored.secretHash = key.hash();
            stored.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            stored.persist();
            Log.infof("API key %s created: '%s', role %s, rate %s", key.id(), name, role.label(), stored.rate);
            return KeyView.of(stored).withKey(key.token());
        });
    }

    /**
     * Stores the key unless a key with its id exists (revoked or not), in one statement: two replicas starting at once
     * with the same bootstrap key both succeed, one of them inserting it. True when this call stored it.
     */
    public boolean createIfAbsent(ApiKey key, String name, Role role) {
        int inserted = QuarkusTransaction.requiringNew().call(() -> StoredKey.getEntityManager()
                .createNativeQuery("INSERT INTO api_key (id, name, role, secret_hash, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, key.id())
                .setParameter(2, name)
                .setParameter(3, role.label())
                .setParameter(4, key.hash())
                .setParameter(5, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate());
        if (inserted == 1) {
            Log.infof("API key %s created: '%s', role %s", key.id(), name, role.label());
        }
        return inserted == 1;
    }

    /** Every key, newest first, revoked ones too. */
    public List<KeyView> list() {
        return QuarkusTransaction.requiringNew()
                .call(() -> StoredKey.<StoredKey>findAll(Sort.descending("createdAt")).stream()
                        .map(KeyView::of)
                        .toList());
    }

    /** One key, revoked or not; empty when no key has the id. */
    public Optional<KeyView> find(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> StoredKey.<StoredKey>findByIdOptional(id).map(KeyView::of));
    }

    /** Revokes a key (at once here; within access.revocation-poll on the other services); empty when no key has the id. */
    public Optional<KeyView> revoke(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredKey stored = StoredKey.findById(id);
            if (stored == null) {
                return Optional.<KeyView>empty();
            }
            if (stored.revokedAt == null) {
                stored.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                Log.infof("API key %s revoked: '%s'", id, stored.name);
            }
            return Optional.of(KeyView.of(stored));
        });
    }

    /** The ids of the keys revoked after {@code since}, for the other services' caches. */
    public List<String> revokedSince(Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> StoredKey.<StoredKey>list("revokedAt > ?1", since).stream()
                .map(stored -> stored.id)
                .toList());
    }

    /** Checked in plain SQL on every request that carries a key: see {@link KeyLookup}. */
    @Override
    public Optional<KeyOwner> verify(ApiKey key) {
        return lookup.verify(key);
    }
}
