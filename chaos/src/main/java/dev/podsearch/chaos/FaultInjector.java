package dev.podsearch.chaos;

import dev.podsearch.stack.ProcessSignals;
import java.time.Duration;
import java.util.List;

/**
 * Carries out one fault on the running system and measures the recovery: a kill is {@code kill -9} of the target's
 * whole process tree and a start again at once on the same port and data (in a cluster, after the node stayed down
 * for the fault's pause); a pause is SIGSTOP of the tree, then SIGCONT after the pause.
 */
final class FaultInjector {

    private final ChaosSystem system;
    private final RecoveryProbe probe;

    FaultInjector(ChaosSystem system, RecoveryProbe probe) {
        this.system = system;
        this.probe = probe;
    }

    FaultResult inject(Fault fault) throws InterruptedException {
        long start = System.nanoTime();
        long ended;
        try {
            if (fault.kind() == Fault.Kind.KILL) {
                system.kill(fault.target(), fault.node());
                if (!fault.pause().isZero()) {
                    Thread.sleep(fault.pause()); // the fault itself: the node stays down this long, the others serve
                }
                ended = System.nanoTime();
                restart(fault.target(), fault.node());
            } else {
                List<ProcessHandle> frozen = system.processes(fault.target(), fault.node());
                ProcessSignals.stop(frozen);
                try {
                    Thread.sleep(fault.pause()); // the fault itself: the target stays frozen this long
                } finally {
                    ProcessSignals.resume(frozen);
                }
                ended = System.nanoTime();
            }
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            return new FaultResult(fault, Duration.ofNanos(now - start), null, e.getMessage(), start, now);
        }
        long back = System.nanoTime();
        Duration restart = Duration.ofNanos(back - start);
        return new FaultResult(fault, restart, probe.measure(ended), null, start, back);
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
