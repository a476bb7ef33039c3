package dev.podsearch.testing.stack;

import java.util.Map;

/** What a test JVM's shared servers offer the test classes of any class loader, through JMX ({@link SharedStack}). */
public interface StackControlMBean {

    Map<String, String> getQuarkusProperties();

    /** Takes away the component of this name (an outage). */
    void interrupt(String component);

    /** Brings back the component of this name. */
    void resume(String component);
}
