package dev.podsearch.support.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Bucket4j token bucket per client (address or key id) and limit, in this process's memory: each instance of a
 * service counts on its own (with N replicas behind a load balancer a client gets up to N times its quota). Buckets of
 * clients gone quiet for ten minutes are dropped (they would be full again).
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    RateLimitConfig config;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    private final Map<Role, Quota> roleQuotas = new EnumMap<>(Role.class);

    /** Reads every role's quota once: a value that is not a quota stops the start, it never switches limits off. */
    @PostConstruct
    void readQuotas() {
        for (Role role : Role.values()) {
            String configured = config.keys().getOrDefault(role.label(), config.keysDefault());
            roleQuotas.put(
                    role,
                    Quota.parse(configured)
                            .orElseThrow(() -> new IllegalStateException(
                                    "rate-limit.keys." + role.label() + ": " + Quota.expected(configured))));
        }
    }

    public RateLimit reads() {
        return RateLimit.reads(config);
    }

    /** The limit of a key: its own rate, else its role's, else the default; empty when keys are not limited. */
    public Optional<RateLimit> forKey(Role role, Quota own) {
        if (!config.keysEnabled()) {
            return Optional.empty();
        }
        Quota quota = own != null ? own : roleQuotas.get(role);
        return Optional.of(quota.limit("key " + quota.label()));
    }

    /** Takes one request from {@code client}'s bucket; empty when the limit is off. */
    public Optional<RateLimitState> take(RateLimit limit, String client) {
        if (limit.off()) {
            return Optional.empty();
        }
        Bucket bucket = buckets.get(limit.name() + "|" + client, k -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        long reset = limit.secondsFor(limit.capacity() - remaining);
        if (probe.isConsumed()) {
            return Optional.of(new RateLimitState(limit.name(), limit.capacity(), remaining, reset, 0));
        }
        long nanos = probe.getNanosToWaitForRefill();
        long wait = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return Optional.of(new RateLimitState(limit.name(), limit.capacity(), 0, Math.max(reset, wait), wait));
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
