package dev.podsearch.chaos;

import java.time.Duration;

/**
 * One planned fault.
 *
 * @param number its place in the plan, from 1
 * @param at when, from the start of the upload stream
 * @param target what it hits
 * @param kind a kill -9 and start again, a SIGSTOP for {@code pause} then SIGCONT, a kill of the OpenSearch node that
 *     holds the primaries, or a graceful restart (rolling)
 * @param pause how long a PAUSE freezes the target (zero for a KILL); in a cluster also how long a killed node stays
 *     down
 * @param node which node or instance of the target (from 0; always 0 outside a cluster; for {@link
 *     Kind#KILL_PRIMARY} -1 in the plan: the node is looked up when the fault is made)
 * @param cluster whether the run is on the cluster
 * @param with a second fault in force at the same time on another component (it begins {@link #OVERLAP_LAG} after
 *     this one, while this one's node is still down), or null
 */
public record Fault(
        int number, Duration at, Target target, Kind kind, Duration pause, int node, boolean cluster, Fault with) {

    /** How long after the first fault of an overlapping pair the second begins. */
    static final Duration OVERLAP_LAG = Duration.ofSeconds(4);

    public Fault(int number, Duration at, Target target, Kind kind, Duration pause) {
        this(number, at, target, kind, pause, 0, false);
    }

    public Fault(int number, Duration at, Target target, Kind kind, Duration pause, int node, boolean cluster) {
        this(number, at, target, kind, pause, node, cluster, null);
    }

    public enum Kind {
        KILL,
        PAUSE,
        /** kill -9 of the OpenSearch node holding the most primaries of the moments and episodes indices. */
        KILL_PRIMARY,
        /** SIGTERM, start again, and wait until it is back and in sync: one step of a rolling restart. */
        RESTART
    }

    /** This fault with a second one in force at the same time. */
    Fault pairedWith(Fault second) {
        return new Fault(number, at, target, kind, pause, node, cluster, second);
    }

    /** This fault on the given node (the node a {@link Kind#KILL_PRIMARY} found holding the primaries). */
    Fault onNode(int chosen) {
        return new Fault(number, at, target, kind, pause, chosen, cluster, with);
    }

    String describe() {
        String label = target.label(node, cluster);
        return switch (kind) {
            case PAUSE -> "SIGSTOP " + label + " for " + pause.toSeconds() + " s";
            case RESTART -> "restart " + label + " (SIGTERM)";
            case KILL_PRIMARY ->
                "kill -9 " + (node < 0 ? "the opensearch node with primaries" : label + " (primaries)") + ", down "
                        + pause.toSeconds() + " s";
            case KILL ->
                pause.isZero() ? "kill -9 " + label : "kill -9 " + label + ", down " + pause.toSeconds() + " s";
        };
    }
}
