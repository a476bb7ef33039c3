package dev.podsearch.ingest.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.support.access.ApiKey;
import dev.podsearch.support.access.KeyOwner;
import dev.podsearch.support.access.Quota;
import dev.podsearch.support.access.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The key check in plain SQL: what it answers for live, wrong, unknown and revoked keys, and last use to the minute. */
@QuarkusTest
class KeyLookupTest {

    @Inject
    KeyStore keys;

    @Test
    void aLiveKeyGivesItsOwnerWithRoleAndOwnRate() {
        ApiKey key = ApiKey.generate();
        keys.create(key, "lookup owner", Role.INGEST, Quota.parse("7/s").orElseThrow());
        KeyOwner owner = keys.verify(key).orElseThrow();
        assertEquals(key.id(), owner.id());
        assertEquals("lookup owner", owner.name());
        assertEquals(Role.INGEST, owner.role());
        assertEquals("7/s", owner.quota().orElseThrow().label());
    }

    @Test
    void aWrongSecretAnUnknownIdAndARevokedKeyAreRefused() {
        ApiKey key = ApiKey.generate();
        keys.create(key, "lookup refused", Role.ADMIN, null);
        assertTrue(keys.verify(new ApiKey(key.id(), ApiKey.generate().secret())).isEmpty(), "wrong secret");
        assertTrue(keys.verify(ApiKey.generate()).isEmpty(), "unknown id");
        keys.revoke(key.id());
        assertTrue(keys.verify(key).isEmpty(), "revoked");
    }

    @Test
    void lastUseIsWrittenOncePerMinuteNotOnEveryCheck() {
        ApiKey key = ApiKey.generate();
        keys.create(key, "lookup last use", Role.READ, null);
        keys.verify(key);
        Instant first = lastUsed(key);
        assertNotNull(first, "the first use is recorded");
        keys.verify(key);
        assertEquals(first, lastUsed(key), "a second use within the minute writes nothing");

        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew()
                .run(() -> StoredKey.update("lastUsedAt = ?1 where id = ?2", longAgo, key.id()));
        keys.verify(key);
        assertTrue(lastUsed(key).isAfter(longAgo.plus(Duration.ofMinutes(4))), "a use after a minute is recorded");
    }

    private Instant lastUsed(ApiKey key) {
        return keys.find(key.id()).orElseThrow().lastUsedAt();
    }
}
