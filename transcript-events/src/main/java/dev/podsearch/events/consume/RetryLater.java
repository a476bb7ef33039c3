package dev.podsearch.events.consume;

/**
 * Thrown by a {@link BatchHandler} when a batch failed for a reason time may fix (the sink or the broker cannot take it
 * now): the {@link ConsumerLoop} goes back to the last commit, pauses the partitions (polling on, so the consumer keeps
 * its group membership) and resumes after a backoff.
 */
public final class RetryLater extends RuntimeException {

    public RetryLater(String reason) {
        super(reason, null, false, false);
    }
}
