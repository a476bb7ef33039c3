package dev.podsearch.support.work;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WakeSignalTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    @Test
    void aWakeDuringTheWaitEndsIt() throws Exception {
        WakeSignal signal = new WakeSignal();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> signal.await(LONG, () -> true));
        while (!waiting.isDone()) {
            signal.wake(); // until the waiter has taken it: it may not have started waiting yet
            Thread.onSpinWait();
        }
        assertTrue(waiting.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aWakeWhileBusyEndsTheNextWaitAtOnceAndOnlyThatOne() {
        WakeSignal signal = new WakeSignal();
        signal.wake();
        long start = System.nanoTime();
        assertTrue(signal.await(LONG, () -> true));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "the kept wake ended the wait");
        long again = System.nanoTime();
        assertTrue(signal.await(Duration.ofMillis(200), () -> true));
        assertTrue(System.nanoTime() - again >= Duration.ofMillis(150).toNanos(), "the wake was used up");
    }

    @Test
    void aStoppingWorkerDoesNotWaitAndAnInterruptedOneIsToldToStop() {
        WakeSignal signal = new WakeSignal();
        long start = System.nanoTime();
        assertTrue(signal.await(LONG, () -> false));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        Thread.currentThread().interrupt();
        assertFalse(signal.await(LONG, () -> true));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }
}
