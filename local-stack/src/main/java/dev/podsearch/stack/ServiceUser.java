package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * OpenSearch and PostgreSQL refuse to run as root. When the stack runs as root (CI), they run as the unprivileged
 * system user {@value #NAME}, which is created on first use; otherwise they run as the current user.
 */
final class ServiceUser {

    static final String NAME = "podsearch";

    private ServiceUser() {}

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command prefix that drops privileges, empty when not root. */
    static List<String> commandPrefix() {
        if (!runningAsRoot()) {
            return List.of();
        }
        ensureExists();
        return List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--init-groups", "--");
    }

    /** Hands a directory tree to the service user (when root), so the servers can write their data. */
    static void own(Path dir) {
        if (!runningAsRoot()) {
            return;
        }
        ensureExists();
        run(List.of("chown", "-R", NAME + ":" + NAME, dir.toString()), "give " + dir + " to user " + NAME);
    }

    private static synchronized void ensureExists() {
        if (exec(List.of("id", "-u", NAME)) == 0) {
            return;
        }
        StackLog.info("running as root: creating system user '%s' for OpenSearch and PostgreSQL", NAME);
        run(
                List.of(
                        "useradd",
                        "--system",
                        "--user-group",
                        "--no-create-home",
                        "--shell",
                        "/usr/sbin/nologin",
                        NAME),
                "create system user " + NAME);
    }

    private static void run(List<String> command, String what) {
        int exit = exec(command);
        if (exit != 0) {
            throw new IllegalStateException("cannot " + what + ": `" + String.join(" ", command) + "` exited " + exit);
        }
    }

    private static int exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Makes every directory above {@code path} traversable, so the service user can reach it. */
    static void openPath(Path path) {
        if (!runningAsRoot()) {
            return;
        }
        Stream.iterate(path.toAbsolutePath(), p -> p != null, Path::getParent).forEach(p -> {
            try {
                if (Files.isDirectory(p)) {
                    var perms = Files.getPosixFilePermissions(p);
                    if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                        throw new IllegalStateException(p + " is closed to other users, so the service user '"
                                + NAME + "' cannot reach " + path + "; set PODSEARCH_STACK_HOME to a directory"
                                + " under a world-traversable path");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
