package dev.podsearch.support.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.utils.ExponentialBackoff;

/**
 * When to try a failed outbound call again: exponential backoff with full jitter (the next delay is uniform between
 * zero and {@code base * 2^(failures-1)}, at most {@code cap}: retries of many receivers that failed together spread
 * out instead of arriving in waves), until {@code giveUpAfter} since the first attempt was due.
 *
 * <p>The ceiling is Kafka's {@link ExponentialBackoff} (the backoff every service already uses, see the consumer
 * loop's {@code Backoff}) with its own jitter off: that jitter is 20% either side, not full.
 */
public record RetrySchedule(Duration base, Duration cap, Duration giveUpAfter) {

    /** 10 s, doubling up to an hour between attempts, for 24 hours. */
    public static final RetrySchedule DEFAULT =
            new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24));

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "need 0 < base <= cap and giveUpAfter >= 0, not " + base + ", " + cap + ", " + giveUpAfter);
        }
    }

    /** The most the delay after {@code failures} failed attempts (at least 1) can be. */
    public Duration ceiling(int failures) {
        ExponentialBackoff policy = new ExponentialBackoff(base.toMillis(), 2, cap.toMillis(), 0);
        return Duration.ofMillis(policy.backoff(Math.max(failures, 1) - 1L));
    }

    /** The delay after {@code failures} failed attempts: uniform in [0, {@link #ceiling(int)}]. */
    public Duration delay(int failures, RandomGenerator random) {
        return Duration.ofMillis(random.nextLong(ceiling(failures).toMillis() + 1));
    }

    /** When a delivery first due at {@code firstDue} is given up. */
    public Instant giveUpAt(Instant firstDue) {
        return firstDue.plus(giveUpAfter);
    }

    /**
     * When to try again after {@code failures} failed attempts, the last of them ending at {@code now}: never later
     * than {@code giveUpAt} (so the last attempt is made at the give-up time), and empty once that time has come.
     */
    public Optional<Instant> next(Instant now, int failures, Instant giveUpAt, RandomGenerator random) {
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        Instant next = now.plus(delay(failures, random));
        return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
    }
}
