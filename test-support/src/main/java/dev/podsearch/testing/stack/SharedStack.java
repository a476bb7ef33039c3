package dev.podsearch.testing.stack;

import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.stack.StackMain;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The servers of one test JVM, shared by every Quarkus application it starts.
 *
 * <p>Quarkus loads each test profile's application, test resources included, in a class loader of its own, so a
 * static field does not outlive a profile: each profile of a module started a new PostgreSQL, Kafka and OpenSearch
 * (7 to 30 s each time). The first caller registers the servers in the platform MBean server ({@link StackControl}),
 * which every class loader of the JVM reaches, and later ones use them through it. They stop when the JVM exits, by the
 * stack's shutdown hook.
 */
final class SharedStack implements RunningStack {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private final ObjectName name;

    private SharedStack(ObjectName name) {
        this.name = name;
    }

    /** The servers with these components of this JVM, started by the first caller. */
    static RunningStack obtain(String components) {
        Set<LocalStack.Component> wanted = StackMain.components(components);
        try {
            ObjectName name = new ObjectName("dev.podsearch.test:type=Stack,components="
                    + wanted.stream().map(Enum::name).sorted().collect(Collectors.joining("-")));
            if (!SERVER.isRegistered(name)) {
                SERVER.registerMBean(new StackControl(TestStacks.start(wanted)), name);
            }
            return new SharedStack(name);
        } catch (JMException e) {
            throw new IllegalStateException("could not share the test servers through JMX: " + e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> quarkusProperties() {
        try {
            return (Map<String, String>) SERVER.getAttribute(name, "QuarkusProperties");
        } catch (JMException e) {
            throw new IllegalStateException("the shared test servers are gone: " + e.getMessage(), e);
        }
    }

    @Override
    public void interrupt(LocalStack.Component component) {
        control("interrupt", component);
    }

    @Override
    public void resume(LocalStack.Component component) {
        control("resume", component);
    }

    private void control(String action, LocalStack.Component component) {
        try {
            SERVER.invoke(name, action, new Object[] {component.name()}, new String[] {String.class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException(action + " " + component + " failed: " + e.getMessage(), e);
        }
    }

    /** Nothing: the servers outlive each application and stop with the JVM. */
    @Override
    public void close() {}
}
