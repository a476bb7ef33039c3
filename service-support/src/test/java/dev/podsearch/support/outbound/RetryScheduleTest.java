package dev.podsearch.support.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule =
            new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofHours(24));
    private final Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        assertEquals(Duration.ofSeconds(10), schedule.ceiling(1));
        assertEquals(Duration.ofSeconds(20), schedule.ceiling(2));
        assertEquals(Duration.ofSeconds(160), schedule.ceiling(5));
        assertEquals(Duration.ofMinutes(5), schedule.ceiling(6));
        assertEquals(Duration.ofMinutes(5), schedule.ceiling(1_000));
        assertEquals(Duration.ofSeconds(10), schedule.ceiling(0), "no failure yet counts as the first");
    }

    @Test
    void fullJitterSpreadsDelaysOverZeroToTheCeiling() {
        RandomGenerator random = new SplittableRandom(42);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2_000; i++) {
            long millis = schedule.delay(3, random).toMillis();
            assertTrue(millis >= 0 && millis <= 40_000, "within [0, 40 s]: " + millis);
            min = Math.min(min, millis);
            max = Math.max(max, millis);
        }
        assertTrue(min < 4_000, "some delays near zero: " + min);
        assertTrue(max > 36_000, "some near the ceiling: " + max);
    }

    @Test
    void theEdgesOfTheJitterAreReachable() {
        assertEquals(Duration.ZERO, schedule.delay(2, fixed(0)));
        assertEquals(Duration.ofSeconds(20), schedule.delay(2, fixed(20_000)));
    }

    @Test
    void givesUpAfterTheConfiguredTimeWithALastAttemptAtIt() {
        Instant giveUpAt = schedule.giveUpAt(now);
        assertEquals(now.plus(Duration.ofHours(24)), giveUpAt);
        assertEquals(Optional.of(now.plusSeconds(7)), schedule.next(now, 1, giveUpAt, fixed(7_000)));
        Instant late = giveUpAt.minusSeconds(30);
        assertEquals(Optional.of(giveUpAt), schedule.next(late, 9, giveUpAt, fixed(299_000)), "clamped to give-up");
        assertEquals(Optional.empty(), schedule.next(giveUpAt, 10, giveUpAt, fixed(0)));
        assertEquals(Optional.empty(), schedule.next(giveUpAt.plusSeconds(1), 10, giveUpAt, fixed(0)));
    }

    @Test
    void refusesASenselessSchedule() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofHours(1)));
        assertEquals(Duration.ofHours(24), RetrySchedule.DEFAULT.giveUpAfter());
    }

    /** A generator whose bounded longs are always {@code value}. */
    private static RandomGenerator fixed(long value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public long nextLong(long bound) {
                return Math.min(value, bound - 1);
            }
        };
    }
}
