package dev.podsearch.testing.stack;

import dev.podsearch.stack.RunningStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the servers a Quarkus module's tests need, once per module's test JVM (whatever the test profiles: {@link SharedStack}), and hands their addresses to the service.
 *
 * <p>Use with {@code @QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name =
 * "components", value = "postgres,kafka"))}. The provider follows {@code -Dstack} (see {@link TestStacks#start}).
 */
public final class StackTestResource implements QuarkusTestResourceLifecycleManager {

    private static RunningStack running;
    private String components = "postgres,kafka,opensearch";

    @Override
    public void init(Map<String, String> initArgs) {
        components = initArgs.getOrDefault("components", components);
    }

    @Override
    public synchronized Map<String, String> start() {
        if (running == null) {
            running = SharedStack.obtain(components);
        }
        return running.quarkusProperties();
    }

    /**
     * Leaves the servers running: Quarkus stops its test resources each time a test class with another profile comes,
     * and the servers serve the next profile's application too ({@link SharedStack}).
     */
    @Override
    public void stop() {}

    /** The servers of the current module run, for tests that talk to them directly. */
    public static synchronized RunningStack current() {
        if (running == null) {
            throw new IllegalStateException("no stack is running: is the test class annotated with the test resource?");
        }
        return running;
    }
}
