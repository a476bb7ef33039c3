package dev.podsearch.testing.stack;

import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import java.util.Map;

/** The shared servers, registered in the JVM's MBean server by the first test class that needs them. */
public final class StackControl implements StackControlMBean {

    private final RunningStack stack;

    StackControl(RunningStack stack) {
        this.stack = stack;
    }

    @Override
    public Map<String, String> getQuarkusProperties() {
        return Map.copyOf(stack.quarkusProperties());
    }

    @Override
    public void interrupt(String component) {
        stack.interrupt(LocalStack.Component.valueOf(component));
    }

    @Override
    public void resume(String component) {
        stack.resume(LocalStack.Component.valueOf(component));
    }
}
