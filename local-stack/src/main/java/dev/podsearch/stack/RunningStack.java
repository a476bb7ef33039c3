package dev.podsearch.stack;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Servers started for a test run, by whichever provider: local processes or containers. */
public interface RunningStack extends AutoCloseable {

    /** The configuration a Quarkus service needs to reach these servers. */
    Map<String, String> quarkusProperties();

    @Override
    void close();

    /** Takes one server away (an outage), keeping its data and address. */
    void interrupt(LocalStack.Component component);

    /** Brings back a server taken away by {@link #interrupt}, at the same address, and waits until it is ready. */
    void resume(LocalStack.Component component);

    /**
     * Starts the servers with the provider chosen by {@code -Dstack}: {@code local} (default: local processes) or
     * {@code containers} (Testcontainers, needs a Docker engine).
     */
    static RunningStack start(Set<LocalStack.Component> components) {
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
