package dev.podsearch.stack;

import java.time.Duration;

/** Polls a readiness probe until it passes, the process dies, or time runs out. */
final class Readiness {

    /** A check that passes by returning normally; its exception says why it is not ready yet. */
    @FunctionalInterface
    interface Probe {
        void check() throws Exception;
    }

    private Readiness() {}

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    static void await(String what, Duration timeout, ManagedProcess process, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            if (process != null) {
                process.checkAlive();
            }
            try {
                probe.check();
                return;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready after " + timeout.toSeconds()
                        + " s (last check: "
                        + last + ")"
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
