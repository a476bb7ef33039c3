package dev.podsearch.support.access;

import java.time.Duration;

/** One limit of {@link RateLimitConfig}: how many requests at once, and how fast they come back. */
public record RateLimit(String name, long capacity, long refillTokens, Duration refillPeriod) {

    public static RateLimit reads(RateLimitConfig config) {
        return new RateLimit("reads", config.readsCapacity(), config.readsRefillTokens(), config.readsRefillPeriod());
    }

    public static RateLimit writes(RateLimitConfig config) {
        return new RateLimit(
                "writes", config.writesCapacity(), config.writesRefillTokens(), config.writesRefillPeriod());
    }

    public boolean off() {
        return capacity <= 0;
    }
}
