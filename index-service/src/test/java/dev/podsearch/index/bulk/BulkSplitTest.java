package dev.podsearch.index.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a batch's operations are cut into {@code _bulk} requests. */
class BulkSplitTest {

    private static List<String> split(int operations, long size, int maxOperations, long maxBytes, int concurrency) {
        long[] sizes = new long[operations];
        Arrays.fill(sizes, size);
        return BulkSender.split(sizes, maxOperations, maxBytes, concurrency).stream()
                .map(r -> r[0] + "-" + r[1])
                .toList();
    }

    @Test
    void aLargeBatchIsCutByTheOperationLimit() {
        assertEquals(List.of("0-2000", "2000-4000", "4000-5000"), split(5000, 100, 2000, 5_000_000, 2));
    }

    @Test
    void aLargeBatchIsCutByTheByteLimit() {
        assertEquals(List.of("0-1000", "1000-2000", "2000-2500"), split(2500, 5000, 2000, 5_000_000, 2));
    }

    @Test
    void aSmallBatchIsCutIntoOneRequestPerSlot() {
        assertEquals(List.of("0-216", "216-432"), split(432, 1000, 2000, 5_000_000, 2));
        assertEquals(List.of("0-144", "144-288", "288-432"), split(432, 1000, 2000, 5_000_000, 3));
    }

    @Test
    void aTinyBatchStaysOneRequest() {
        assertEquals(List.of("0-80"), split(80, 1000, 2000, 5_000_000, 2));
        assertEquals(List.of("0-50", "50-100"), split(100, 1000, 2000, 5_000_000, 2));
        assertEquals(List.of("0-5"), split(5, 1000, 2000, 5_000_000, 2));
    }

    @Test
    void anOperationAboveTheByteLimitGoesAlone() {
        assertEquals(List.of("0-1", "1-2"), split(2, 10_000_000, 2000, 5_000_000, 1));
    }

    @Test
    void nothingToSendIsNoRequest() {
        assertEquals(List.of(), split(0, 100, 2000, 5_000_000, 2));
    }
}
