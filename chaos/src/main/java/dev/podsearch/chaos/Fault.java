package dev.podsearch.chaos;

import java.time.Duration;

/**
 * One planned fault.
 *
 * @param number its place in the plan, from 1
 * @param at when, from the start of the upload stream
 * @param target what it hits
 * @param kind a kill -9 and start again, or a SIGSTOP for {@code pause}, then SIGCONT
 * @param pause how long a PAUSE freezes the target (zero for a KILL); in a cluster also how long a killed node stays
 *     down
 * @param node which node or instance of the target (from 0; always 0 outside a cluster)
 * @param cluster whether the run is on the cluster
 */
public record Fault(int number, Duration at, Target target, Kind kind, Duration pause, int node, boolean cluster) {

    public Fault(int number, Duration at, Target target, Kind kind, Duration pause) {
        this(number, at, target, kind, pause, 0, false);
    }

    public enum Kind {
        KILL,
        PAUSE
    }

    String describe() {
        String label = target.label(node, cluster);
        if (kind == Kind.PAUSE) {
            return "SIGSTOP " + label + " for " + pause.toSeconds() + " s";
        }
        return pause.isZero() ? "kill -9 " + label : "kill -9 " + label + ", down " + pause.toSeconds() + " s";
    }
}
