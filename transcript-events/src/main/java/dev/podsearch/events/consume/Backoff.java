package dev.podsearch.events.consume;

import java.time.Duration;
import org.apache.kafka.common.utils.ExponentialBackoff;

/**
 * The one backoff policy of the services: exponential with jitter, Kafka's own {@link ExponentialBackoff} (the client
 * library both services already have, with the semantics of Kafka's {@code retry.backoff.ms}/{@code
 * retry.backoff.max.ms}): {@code first}, doubling up to {@code max}, each delay 20% more or less at random.
 */
public final class Backoff {

    /** The consumer loop's first delay. */
    public static final Duration FIRST = Duration.ofMillis(200);

    private final ExponentialBackoff policy;

    private Backoff(Duration first, Duration max) {
        policy = new ExponentialBackoff(first.toMillis(), 2, Math.max(first.toMillis(), max.toMillis()), 0.2);
    }

    public static Backoff of(Duration first, Duration max) {
        return new Backoff(first, max);
    }

    /** The delay before attempt {@code failures + 1}, after {@code failures} failed ones (at least 1). */
    public Duration after(int failures) {
        return Duration.ofMillis(policy.backoff(Math.max(failures, 1) - 1L));
    }
}
