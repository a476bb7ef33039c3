package dev.podsearch.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private final PollSchedule schedule = new PollSchedule(Duration.ofMinutes(30), 0.1, Duration.ofHours(24));

    private Duration after(int failures, Random random) {
        return Duration.between(NOW, schedule.next(NOW, failures, random));
    }

    @Test
    void pollsAfterTheIntervalMovedByTheJitterAtMost() {
        Duration shortest = Duration.ofDays(1);
        Duration longest = Duration.ZERO;
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            Duration wait = after(0, random);
            shortest = wait.compareTo(shortest) < 0 ? wait : shortest;
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
        assertTrue(shortest.compareTo(Duration.ofMinutes(27)) >= 0, shortest.toString());
        assertTrue(longest.compareTo(Duration.ofMinutes(33)) <= 0, longest.toString());
        assertTrue(longest.minus(shortest).compareTo(Duration.ofMinutes(4)) > 0, "spread out");
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheLongest() {
        PollSchedule exact = new PollSchedule(Duration.ofMinutes(30), 0, Duration.ofHours(24));

        assertEquals(Duration.ofMinutes(30), Duration.between(NOW, exact.next(NOW, 1, new Random())));
        assertEquals(Duration.ofHours(1), Duration.between(NOW, exact.next(NOW, 2, new Random())));
        assertEquals(Duration.ofHours(16), Duration.between(NOW, exact.next(NOW, 6, new Random())));
        assertEquals(Duration.ofHours(24), Duration.between(NOW, exact.next(NOW, 7, new Random())));
        assertEquals(Duration.ofHours(24), Duration.between(NOW, exact.next(NOW, 500, new Random())));
    }

    @Test
    void refusesAJitterThatCouldPollAtOnceOrNever() {
        assertThrows(
                IllegalArgumentException.class, () -> new PollSchedule(Duration.ofMinutes(30), 0.9, Duration.ZERO));
    }
}
