package dev.podsearch.support.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * One Bucket4j token bucket per limit and client (address or key id), in this process's memory: each instance of a
 * service counts on its own. Buckets of clients gone quiet for ten minutes are dropped (they would be full again).
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    RateLimitConfig config;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    public RateLimit reads() {
        return RateLimit.reads(config);
    }

    public RateLimit writes() {
        return RateLimit.writes(config);
    }

    /** Takes one request from {@code client}'s bucket: empty when allowed, else whole seconds until one is back. */
    public OptionalLong take(RateLimit limit, String client) {
        if (limit.off()) {
            return OptionalLong.empty();
        }
        Bucket bucket = buckets.get(limit.name() + "|" + client, k -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private static Bucket newBucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.refillTokens(), limit.refillPeriod())
                        .build())
                .build();
    }
}
