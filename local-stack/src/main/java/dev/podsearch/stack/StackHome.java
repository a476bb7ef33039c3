package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the stack keeps its downloads, unpacked servers and data.
 *
 * <p>{@code PODSEARCH_STACK_HOME} (or {@code -Dpodsearch.stack.home}) wins. Otherwise a normal user gets {@code
 * $XDG_CACHE_HOME/podsearch-stack} (default {@code ~/.cache/podsearch-stack}); root gets {@code
 * /var/cache/podsearch-stack}, because the unprivileged user that runs OpenSearch and PostgreSQL must be able to read
 * the unpacked servers, and root's home is closed to it.
 */
record StackHome(Path root) {

    static StackHome resolve() {
        String configured = setting("podsearch.stack.home", "PODSEARCH_STACK_HOME");
        if (configured != null) {
            return new StackHome(Path.of(configured).toAbsolutePath());
        }
        if (ServiceUser.runningAsRoot()) {
            return new StackHome(Path.of("/var/cache/podsearch-stack"));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new StackHome(cache.resolve("podsearch-stack"));
    }

    /** A system property, else an environment variable, else null. */
    static String setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? null : value;
    }

    static String settingOr(String property, String environment, String fallback) {
        String value = setting(property, environment);
        return value == null ? fallback : value;
    }

    Path downloads() {
        return dir("downloads");
    }

    Path dist() {
        return dir("dist");
    }

    Path runs() {
        return dir("runs");
    }

    Path pids() {
        return dir("pids");
    }

    private Path dir(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }
}
