package dev.podsearch.chaos;

import dev.podsearch.stack.ProcessSignals;
import java.time.Duration;
import java.util.List;

/**
 * Carries out one fault on the running system and measures the recovery: a kill is {@code kill -9} of the target's
 * whole process tree and a start again at once on the same port and data; a pause is SIGSTOP of the tree, then SIGCONT
 * after the pause.
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
                system.kill(fault.target());
                ended = System.nanoTime();
                restart(fault.target());
            } else {
                List<ProcessHandle> frozen = system.processes(fault.target());
                ProcessSignals.stop(frozen);
                try {
                    Thread.sleep(fault.pause()); // the fault itself: the target stays frozen this long
                } finally {
                    ProcessSignals.resume(frozen);
                }
                ended = System.nanoTime();
            }
        } catch (RuntimeException e) {
            return new FaultResult(fault, Duration.ofNanos(System.nanoTime() - start), null, e.getMessage());
        }
        Duration restart = Duration.ofNanos(System.nanoTime() - start);
        return new FaultResult(fault, restart, probe.measure(ended), null);
    }

    /**
     * Starts the target again; a start that fails (not ready in time on a loaded machine) is tried once more, since
     * the rest of the run needs it. The time of both counts.
     */
    private void restart(Target target) {
        try {
            system.restart(target);
        } catch (RuntimeException first) {
            ChaosRun.log("%s did not start again (%s); trying once more", target.label(), first.getMessage());
            system.restart(target);
        }
    }
}
