package dev.podsearch.stack;

import java.util.Map;

/**
 * Servers started for a run, by whichever provider: local processes ({@link LocalStack}) or, for tests on a machine
 * with Docker, containers (test-support's {@code TestStacks}).
 */
public interface RunningStack extends AutoCloseable {

    /** The configuration a Quarkus service needs to reach these servers. */
    Map<String, String> quarkusProperties();

    @Override
    void close();

    /** Takes one server away (an outage), keeping its data and address. */
    void interrupt(LocalStack.Component component);

    /** Brings back a server taken away by {@link #interrupt}, at the same address, and waits until it is ready. */
    void resume(LocalStack.Component component);
}
