package dev.podsearch.support.access;

import java.time.Duration;

/** One bucket's shape: how many requests at once, and how fast they come back. */
public record RateLimit(String name, long capacity, long refillTokens, Duration refillPeriod) {

    public static RateLimit reads(RateLimitConfig config) {
        return new RateLimit("reads", config.readsCapacity(), config.readsRefillTokens(), config.readsRefillPeriod());
    }

    public boolean off() {
        return capacity <= 0;
    }

    /** Whole seconds (at least 1) until {@code tokens} more are back. */
    long secondsFor(long tokens) {
        if (tokens <= 0) {
            return 0;
        }
        long nanos = refillPeriod.toNanos() / refillTokens * tokens;
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
