package dev.podsearch.stack;

import java.util.Map;

/** One server of the stack: started and ready, or stopped. */
interface Server {

    String name();

    /** Starts the server and returns once it answers real requests. */
    void start();

    void stop();

    /** Where it listens, for people. */
    String location();

    /** The configuration a Quarkus service needs to use it. */
    Map<String, String> quarkusProperties();

    /** The process the stack started for it (maybe a wrapper of the real server: signal its whole tree). */
    default ProcessHandle process() {
        throw new UnsupportedOperationException(name() + " is not a process of this stack");
    }

    /** The processes a server is made of: itself, or the nodes of a cluster (each a server of its own). */
    default java.util.List<? extends Server> nodes() {
        return java.util.List.of(this);
    }

    /** Clears what a server killed with SIGKILL leaves behind that would stop it from starting again. */
    default void afterCrash() {}
}
