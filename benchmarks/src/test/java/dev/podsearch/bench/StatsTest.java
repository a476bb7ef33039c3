package dev.podsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void percentilesAreNearestRankOfTheSortedValues() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add((double) i);
        }
        assertEquals(50.0, Stats.percentile(values, 50));
        assertEquals(99.0, Stats.percentile(values, 99));
        assertEquals(100.0, Stats.percentile(values, 100));
        assertEquals(1.0, Stats.percentile(values, 0));
        assertEquals(7.0, Stats.percentile(List.of(7.0), 99));
        assertTrue(Double.isNaN(Stats.percentile(List.of(), 50)));
    }
}
