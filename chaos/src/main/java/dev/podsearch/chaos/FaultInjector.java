package dev.podsearch.chaos;

import dev.podsearch.stack.ProcessSignals;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Carries out one fault on the running system and measures the recovery: a kill is {@code kill -9} of the target's
 * whole process tree and a start again at once on the same port and data (in a cluster, after the node stayed down
 * for the fault's pause); a pause is SIGSTOP of the tree, then SIGCONT after the pause; a primary kill finds the
 * OpenSearch node holding the primaries, kills it and checks a replica was promoted before it starts again; a restart
 * is SIGTERM, a start again, and a wait until the cluster is in sync. A fault with a second one ({@link Fault#with})
 * has both in force at once.
 */
final class FaultInjector {

    private final ChaosSystem system;
    private final RecoveryProbe probe;

    FaultInjector(ChaosSystem system, RecoveryProbe probe) {
        this.system = system;
        this.probe = probe;
    }

    /** The fault and, when it has one, its second fault, begun {@link Fault#OVERLAP_LAG} later on another thread. */
    List<FaultResult> inject(Fault fault) throws InterruptedException {
        if (fault.with() == null) {
            return List.of(injectOne(fault));
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<FaultResult> second = executor.submit(() -> {
                Thread.sleep(Fault.OVERLAP_LAG); // the first one is in force by now
                return injectOne(fault.with());
            });
            FaultResult first = injectOne(fault);
            return List.of(first, second.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private FaultResult injectOne(Fault planned) throws InterruptedException {
        Fault fault = planned;
        long start = System.nanoTime();
        long ended;
        String note = null;
        try {
            switch (fault.kind()) {
                case KILL, KILL_PRIMARY -> {
                    PrimaryKill primaries = fault.kind() == Fault.Kind.KILL_PRIMARY ? system.primaryKill() : null;
                    if (primaries != null) {
                        fault = fault.onNode(primaries.holder());
                        ChaosRun.log(
                                "#%d the primaries are on %s",
                                fault.number(), fault.target().label(fault.node(), true));
                    }
                    system.kill(fault.target(), fault.node());
                    try {
                        if (primaries != null) {
                            Duration promoted = primaries.awaitPromotion(fault.node(), start);
                            note = String.format(
                                    "replica promoted %.1f s after the kill", ChaosReport.seconds(promoted));
                        }
                        long down = start + fault.pause().toNanos() - System.nanoTime();
                        if (down > 0) {
                            Thread.sleep(Duration.ofNanos(down)); // the fault itself: the node stays down, others serve
                        }
                    } finally {
                        // no promotion in time fails the fault, but the node still comes back for the rest of the run
                        ended = System.nanoTime();
                        restart(fault.target(), fault.node());
                    }
                }
                case PAUSE -> {
                    List<ProcessHandle> frozen = system.processes(fault.target(), fault.node());
                    ProcessSignals.stop(frozen);
                    try {
                        Thread.sleep(fault.pause()); // the fault itself: the target stays frozen this long
                    } finally {
                        ProcessSignals.resume(frozen);
                    }
                    ended = System.nanoTime();
                }
                case RESTART -> {
                    system.stopGracefully(fault.target(), fault.node());
                    restart(fault.target(), fault.node());
                    system.inSync().awaitWhole(fault.target());
                    ended = System.nanoTime();
                }
                default -> throw new IllegalStateException("unknown kind " + fault.kind());
            }
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            return new FaultResult(fault, Duration.ofNanos(now - start), null, e.getMessage(), start, now, note);
        }
        long back = System.nanoTime();
        Duration restart = Duration.ofNanos(back - start);
        return new FaultResult(fault, restart, probe.measure(ended), null, start, back, note);
    }

    /**
     * Starts the target again; a start that fails (not ready in time on a loaded machine) is tried once more, since
     * the rest of the run needs it. The time of both counts.
     */
    private void restart(Target target, int node) {
        try {
            system.restart(target, node);
        } catch (RuntimeException first) {
            ChaosRun.log("%s did not start again (%s); trying once more", target.label(), first.getMessage());
            system.restart(target, node);
        }
    }
}
