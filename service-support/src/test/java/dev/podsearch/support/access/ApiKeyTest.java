package dev.podsearch.support.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void aGeneratedKeyParsesBackAndMatchesOnlyItsOwnHash() {
        ApiKey key = ApiKey.generate();
        assertTrue(key.token().matches("ps_[a-z0-9]{10}_[A-Za-z0-9_-]{43}"), key.token());
        assertEquals(key, ApiKey.parse(key.token()).orElseThrow());
        assertTrue(key.matches(key.hash()));
        ApiKey other = ApiKey.generate();
        assertNotEquals(key.id(), other.id());
        assertFalse(other.matches(key.hash()));
        assertFalse(key.matches(null));
    }

    @Test
    void onlyTheIdEverReachesALogLine() {
        ApiKey key = ApiKey.generate();
        assertFalse(key.toString().contains(key.secret()));
        assertEquals("ApiKey[" + key.id() + "]", key.toString());
        assertEquals(key.id(), ApiKey.claimedId(key.token().substring(0, 20)), "a wrong secret still names its id");
        assertEquals("-", ApiKey.claimedId("Basic abc"));
    }

    @Test
    void refusesWhatIsNotAKey() {
        for (String token : new String[] {null, "", "ps_short_x", "ps_ABCDEFGHIJ_" + "a".repeat(43), "x".repeat(56)}) {
            assertTrue(ApiKey.parse(token).isEmpty(), String.valueOf(token));
        }
    }

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        assertEquals(Set.of("read"), Role.READ.grants());
        assertEquals(Set.of("read", "alerts"), Role.ALERTS.grants());
        assertEquals(Set.of("read", "alerts", "ingest"), Role.INGEST.grants());
        assertEquals(Set.of("read", "alerts", "ingest", "admin"), Role.ADMIN.grants());
        assertEquals(Role.ALERTS, Role.of("alerts").orElseThrow());
        assertEquals(Role.INGEST, Role.of("ingest").orElseThrow());
        assertTrue(Role.of("root").isEmpty());
    }
}
