package dev.podsearch.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a feed is polled next: after the interval, moved at random by up to {@code jitter} of it either way (so that
 * feeds subscribed together spread out); after {@code failures} failed polls in a row, the interval doubled per
 * failure, up to {@code maxBackoff}.
 */
public record PollSchedule(Duration interval, double jitter, Duration maxBackoff) {

    public PollSchedule {
        if (jitter < 0 || jitter > 0.5) {
            throw new IllegalArgumentException("jitter must be from 0 to 0.5, not " + jitter);
        }
    }

    public Instant next(Instant now, int failures, RandomGenerator random) {
        long base = interval.toMillis();
        if (failures > 0) {
            long doubled = base << Math.min(failures - 1, 20);
            base = doubled < 0 ? maxBackoff.toMillis() : Math.min(doubled, Math.max(maxBackoff.toMillis(), base));
        }
        double shift = jitter == 0 ? 0 : (random.nextDouble() * 2 - 1) * jitter;
        return now.plusMillis(Math.round(base * (1 + shift)));
    }
}
