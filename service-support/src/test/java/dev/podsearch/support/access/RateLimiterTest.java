package dev.podsearch.support.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static RateLimiter limiter(Map<String, String> keys, String fallback) {
        RateLimiter limiter = new RateLimiter();
        limiter.config = new RateLimitConfig() {
            @Override
            public long readsCapacity() {
                return 60;
            }

            @Override
            public long readsRefillTokens() {
                return 20;
            }

            @Override
            public Duration readsRefillPeriod() {
                return Duration.ofSeconds(10);
            }

            @Override
            public boolean keysEnabled() {
                return true;
            }

            @Override
            public String keysDefault() {
                return fallback;
            }

            @Override
            public Map<String, String> keys() {
                return keys;
            }
        };
        limiter.readQuotas();
        return limiter;
    }

    @Test
    void aQuotaThatIsNoQuotaStopsTheStartNamingTheSetting() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> limiter(Map.of("ingest", "lots"), "20/s"));
        assertTrue(refused.getMessage().startsWith("rate-limit.keys.ingest: "), refused.getMessage());
    }

    @Test
    void eachRoleTakesItsQuotaOrTheDefaultAndAKeysOwnRateComesFirst() {
        RateLimiter limiter = limiter(Map.of("admin", "50/s"), "20/s");
        assertEquals(50, limiter.forKey(Role.ADMIN, null).orElseThrow().capacity());
        assertEquals(20, limiter.forKey(Role.ALERTS, null).orElseThrow().capacity());
        Quota own = Quota.parse("5/s").orElseThrow();
        assertEquals(5, limiter.forKey(Role.ADMIN, own).orElseThrow().capacity());
    }
}
