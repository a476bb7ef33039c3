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
}
