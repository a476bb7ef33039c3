package dev.podsearch.support.access;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The answers about keys a service that keeps no keys got from the ingest service ({@link KeyCheckClient}): each
 * valid one kept for {@code ttl}, each invalid one for {@code negativeTtl} (a flood of made-up keys asks once per key
 * and period), and a key dropped at once when {@link RevocationPoller} hears it was revoked. Requests with one key that
 * is not known yet wait for one question about it: a burst of a new client's first requests asks ingest once, not once
 * each (64 at once used to pass the check's timeout and answer 503s). A question that fails is not kept.
 */
public final class KeyCache {

    private final KeyCheckClient client;
    private final AsyncCache<String, Optional<KeyOwner>> answers;

    public KeyCache(KeyCheckClient client, Duration ttl, Duration negativeTtl) {
        this.client = client;
        this.answers = Caffeine.newBuilder()
                .expireAfter(Expiry.<String, Optional<KeyOwner>>writing(
                        (key, owner) -> owner.isPresent() ? ttl : negativeTtl))
                .maximumSize(20_000)
                .buildAsync();
    }

    public Optional<KeyOwner> verify(ApiKey key) {
        String cacheKey = key.id() + ":" + key.hash(); // never the secret itself in memory longer than the request
        CompletableFuture<Optional<KeyOwner>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<KeyOwner>> asked = answers.asMap().putIfAbsent(cacheKey, mine);
        if (asked == null) {
            asked = mine;
            try {
                mine.complete(client.ask(key));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e); // the cache drops a failed answer
            }
        }
        try {
            return asked.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Drops what is known about these key ids: their next use asks again (and is refused). */
    public void forget(Collection<String> keyIds) {
        for (String id : keyIds) {
            answers.asMap().keySet().removeIf(cached -> cached.startsWith(id + ":"));
        }
    }
}
