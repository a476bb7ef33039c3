package dev.podsearch.index.consume;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: 200 ms doubling up to a maximum, plus up to a quarter more at random. */
final class Backoff {

    private Backoff() {}

    static Duration after(int attempt, Duration max) {
        long base = Math.min(200L << Math.min(Math.max(attempt, 1) - 1, 20), max.toMillis());
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 4 + 1));
    }
}
