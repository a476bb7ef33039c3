package dev.podsearch.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a readiness probe until it passes, the process dies, or time runs out. */
final class Readiness {

    private Readiness() {}

    static void await(String what, Duration timeout, ManagedProcess process, BooleanSupplier probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (process != null) {
                process.checkAlive();
            }
            if (probe.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready after " + timeout.toSeconds() + " s"
                        + (process == null
                                ? ""
                                : "; last lines of " + process.log() + ":\n" + ManagedProcess.tail(process.log(), 25)));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
