package dev.podsearch.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Signals for crash tests: {@code kill -9} of a process and everything it started, and {@code SIGSTOP}/{@code SIGCONT}.
 * A server run as the service user is a {@code setpriv} or shell wrapper in front of the real server, so each signal
 * goes to the whole tree, not only to the pid the stack holds.
 */
public final class ProcessSignals {

    private static final Duration DEATH = Duration.ofSeconds(30);

    private ProcessSignals() {}

    /** The process and its descendants, the process first. */
    public static List<ProcessHandle> tree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).toList();
    }

    /** SIGKILL to the whole tree (descendants first, so none is left re-parented), then waits until all are gone. */
    public static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(tree(root));
        tree.reversed().forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(DEATH.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + handle.pid() + " did not die after SIGKILL", e);
            }
        }
    }

    /** SIGSTOP to every process of the list: they stay frozen (connections open, nothing answered). */
    public static void stop(List<ProcessHandle> processes) {
        signal("-STOP", processes);
    }

    /** SIGCONT to every process of the list. */
    public static void resume(List<ProcessHandle> processes) {
        signal("-CONT", processes);
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        processes.stream().filter(ProcessHandle::isAlive).forEach(p -> command.add(Long.toString(p.pid())));
        if (command.size() == 2) {
            return;
        }
        try {
            Process kill = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling", e);
        }
    }
}
