package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Server-Timing durations: milliseconds with two decimals, rounded, written without a Formatter. */
class ServerTimingTest {

    @Test
    void writesMillisecondsWithTwoDecimals() {
        assertEquals("0.00", SearchResource.millis(0));
        assertEquals("0.05", SearchResource.millis(50_000));
        assertEquals("0.10", SearchResource.millis(95_000));
        assertEquals("1.23", SearchResource.millis(1_234_567));
        assertEquals("41.54", SearchResource.millis(41_537_000));
        assertEquals("1000.00", SearchResource.millis(999_999_999));
    }
}
