package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server process the stack started, with its output in a log file. Every running one is recorded in the stack
 * home's {@code pids/} folder, so processes orphaned by a killed JVM are stopped by the next stack that starts.
 */
final class ManagedProcess {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    static ManagedProcess start(
            StackHome home,
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Path pidFile = home.pids().resolve(Long.toString(process.pid()));
            Files.writeString(
                    pidFile,
                    ProcessHandle.current().pid() + " "
                            + process.info()
                                    .startInstant()
                                    .map(Instant::toString)
                                    .orElse("?") + " " + name);
            return new ManagedProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (!process.isAlive()) {
                try {
                    Files.deleteIfExists(pidFile);
                } catch (IOException e) {
                    // reaped later
                }
            }
        }
    }

    int exitCode() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the end of the log when the process has died. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; last lines of " + log
                    + ":\n" + tail(log, 25));
        }
    }

    /** Stops the process and everything it started: TERM, then KILL after a grace period. */
    void stop() {
        try {
            stopTree(process.toHandle(), GRACE);
        } finally {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                StackLog.info("could not delete %s: %s", pidFile, e.getMessage());
            }
        }
    }

    static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree =
                Stream.concat(Stream.of(root), root.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
    }

    /**
     * Stops processes recorded by stacks whose JVM is gone (killed before its shutdown hook could run). A pid file is
     * trusted only when the process with that pid started at the recorded instant.
     */
    static void reapOrphans(StackHome home) {
        try (Stream<Path> files = Files.list(home.pids())) {
            files.forEach(ManagedProcess::reap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reap(Path pidFile) {
        try {
            String[] fields = Files.readString(pidFile).split(" ", 3);
            long owner = Long.parseLong(fields[0]);
            if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                return; // another live stack owns it
            }
            Optional<ProcessHandle> orphan = ProcessHandle.of(
                            Long.parseLong(pidFile.getFileName().toString()))
                    .filter(h -> h.info()
                            .startInstant()
                            .map(Instant::toString)
                            .orElse("?")
                            .equals(fields[1]));
            if (orphan.isPresent()) {
                StackLog.info(
                        "stopping %s (pid %d) left behind by an earlier run",
                        fields[2], orphan.get().pid());
                stopTree(orphan.get(), GRACE);
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | RuntimeException e) {
            StackLog.info("ignoring unreadable pid file %s: %s", pidFile, e.getMessage());
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
