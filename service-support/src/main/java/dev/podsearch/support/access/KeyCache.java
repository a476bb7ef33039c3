package dev.podsearch.support.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The answers about keys a service that keeps no keys got from the ingest service ({@link KeyCheckClient}): each
 * valid one kept for {@code ttl}, each invalid one for {@code negativeTtl} (a flood of made-up keys asks once per key
 * and period), and a key dropped at once when {@link RevocationPoller} hears it was revoked.
 */
public final class KeyCache {

    private final KeyCheckClient client;
    private final Cache<String, KeyOwner> valid;
    private final Cache<String, Boolean> invalid;

    public KeyCache(KeyCheckClient client, Duration ttl, Duration negativeTtl) {
        this.client = client;
        this.valid =
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
        this.invalid = Caffeine.newBuilder()
                .expireAfterWrite(negativeTtl)
                .maximumSize(10_000)
                .build();
    }

    public Optional<KeyOwner> verify(ApiKey key) {
        String cacheKey = key.id() + ":" + key.hash(); // never the secret itself in memory longer than the request
        KeyOwner known = valid.getIfPresent(cacheKey);
        if (known != null) {
            return Optional.of(known);
        }
        if (invalid.getIfPresent(cacheKey) != null) {
            return Optional.empty();
        }
        Optional<KeyOwner> owner = client.ask(key);
        if (owner.isPresent()) {
            valid.put(cacheKey, owner.get());
        } else {
            invalid.put(cacheKey, Boolean.TRUE);
        }
        return owner;
    }

    /** Drops what is known about these key ids: their next use asks again (and is refused). */
    public void forget(Collection<String> keyIds) {
        for (String id : keyIds) {
            valid.asMap().keySet().removeIf(cached -> cached.startsWith(id + ":"));
        }
    }
}
