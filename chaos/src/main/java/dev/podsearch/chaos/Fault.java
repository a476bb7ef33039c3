package dev.podsearch.chaos;

import java.time.Duration;

/**
 * One planned fault.
 *
 * @param number its place in the plan, from 1
 * @param at when, from the start of the upload stream
 * @param target what it hits
 * @param kind a kill -9 and start again, or a SIGSTOP for {@code pause}, then SIGCONT
 * @param pause how long a PAUSE freezes the target (zero for a KILL)
 */
public record Fault(int number, Duration at, Target target, Kind kind, Duration pause) {

    public enum Kind {
        KILL,
        PAUSE
    }

    String describe() {
        return kind == Kind.KILL
                ? "kill -9 " + target.label()
                : "SIGSTOP " + target.label() + " for " + pause.toSeconds() + " s";
    }
}
