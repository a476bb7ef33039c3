package dev.podsearch.events.consume;

import java.util.List;

/**
 * The names of the meters every consumer loop registers ({@code LoopMetrics}), told apart by the {@code consumer} tag:
 * names only, for the services' declarations of what they export.
 */
public final class ConsumerMeters {

    public static final String LAG = "podsearch.consumer.lag";
    public static final String RECORDS = "podsearch.consumer.records";
    public static final String FAILURES = "podsearch.consumer.failures";

    /** Every one of them: what a service running a consumer loop exports. */
    public static final List<String> ALL = List.of(LAG, RECORDS, FAILURES);

    private ConsumerMeters() {}
}
