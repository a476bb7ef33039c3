package dev.podsearch.support.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Token buckets ({@code rate-limit.*}). Requests with a valid key, under /v1/ and /admin/, count against that key: its
 * own rate if it was created with one, else its role's ({@code rate-limit.keys.<role>}, else {@code keys-default}).
 * Anonymous reads (GET under /v1/) count against the client address: {@code reads-capacity} at once, {@code
 * reads-refill-tokens} back every {@code reads-refill-period}; capacity 0 turns that limit off.
 */
@ConfigMapping(prefix = "rate-limit")
public interface RateLimitConfig {

    /** Searches, suggestions and the web page's other calls: a person typing stays far below it. */
    @WithDefault("60")
    long readsCapacity();

    @WithDefault("20")
    long readsRefillTokens();

    @WithDefault("10s")
    Duration readsRefillPeriod();

    /** Whether keyed requests are limited per key (off in the tests that do not test it). */
    @WithDefault("true")
    boolean keysEnabled();

    /** The quota of a key with no rate of its own, whose role {@link #keys()} does not name. */
    @WithDefault("20/s")
    String keysDefault();

    /** Quotas by role label, e.g. {@code rate-limit.keys.admin=50/s} (service-support sets one for each role). */
    Map<String, String> keys();
}
