package dev.podsearch.testing.stack;

import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import java.util.Locale;
import java.util.Set;

/** Starts the servers of a test run with the provider chosen by {@code -Dstack}. */
public final class TestStacks {

    private TestStacks() {}

    /**
     * {@code local} (default: local processes, {@link LocalStack}) or {@code containers} (Testcontainers, needs a
     * Docker engine: {@link ContainerStack}).
     */
    public static RunningStack start(Set<LocalStack.Component> components) {
        String provider = System.getProperty("stack", "local").strip().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "local", "" -> LocalStack.start(LocalStack.Options.ephemeral(components));
            case "containers" -> ContainerStack.start(components);
            default ->
                throw new IllegalArgumentException("-Dstack=" + provider
                        + " is not a stack provider; use 'local' (processes) or 'containers' (Docker)");
        };
    }
}
