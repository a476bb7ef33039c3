package dev.podsearch.support.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Token buckets ({@code rate-limit.*}): reads (GET under /v1/) per client address, writes (POST, PUT, DELETE under
 * /v1/ and /admin/) per API key. A bucket holds {@code capacity} requests (the burst) and gets {@code refill-tokens}
 * back every {@code refill-period}; capacity 0 turns the limit off.
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

    /** Uploads, deletes and admin actions per key: a back catalogue at 10 a second, or the drop folder (no limit). */
    @WithDefault("120")
    long writesCapacity();

    @WithDefault("10")
    long writesRefillTokens();

    @WithDefault("1s")
    Duration writesRefillPeriod();
}
