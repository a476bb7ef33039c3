package dev.podsearch.stack;

/**
 * What the local servers are set up with, public for the other way of running them: the tests' containers
 * (test-support's {@code ContainerStack}) set up the same database, user and largest Kafka record.
 */
public final class StackDefaults {

    /** PostgreSQL's database, user and password. */
    public static final String DATABASE = "podsearch";

    public static final String USER = "podsearch";
    public static final String PASSWORD = "podsearch";

    /** Largest record the broker accepts: transcripts of 10 MB of text fit with room to spare. */
    public static final int KAFKA_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private StackDefaults() {}
}
