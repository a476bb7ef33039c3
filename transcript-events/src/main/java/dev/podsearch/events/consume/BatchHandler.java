package dev.podsearch.events.consume;

import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * What a consumer supplies to the {@link ConsumerLoop}: how to handle a poll's records and when their offsets may be
 * committed (its commit rule: it calls {@link Session#commit} once what it handled is safe). One handler per Kafka
 * consumer session: the loop opens a new one each time it starts again from the last commit, and closes it after.
 */
public interface BatchHandler extends AutoCloseable {

    /**
     * Handles the records of a poll (empty when nothing came; a handler with work in flight is called anyway, so it can
     * settle that work). Throw {@link RetryLater} for a failure time may fix, after forgetting what is in memory: the
     * loop goes back to the last commit and pauses the partitions for a backoff. Any other exception ends the Kafka
     * session: the loop closes it and starts again from the last commit after a backoff.
     */
    void handle(ConsumerRecords<String, byte[]> records, Session session);

    /** True while work is in flight: the loop then polls without waiting, to call {@link #handle} again soon. */
    default boolean busy() {
        return false;
    }

    /**
     * Finishes the work in flight and commits what is done: before partitions are revoked (a rebalance) and when the
     * loop stops. What cannot be finished is dropped (its records are read again by the next owner).
     */
    default void finish(Session session) {}

    @Override
    default void close() {}

    /** This handler, also running {@code release} when closed (to free what its session used). */
    default BatchHandler closing(Runnable release) {
        BatchHandler self = this;
        return new BatchHandler() {
            @Override
            public void handle(ConsumerRecords<String, byte[]> records, Session session) {
                self.handle(records, session);
            }

            @Override
            public boolean busy() {
                return self.busy();
            }

            @Override
            public void finish(Session session) {
                self.finish(session);
            }

            @Override
            public void close() {
                try {
                    self.close();
                } finally {
                    release.run();
                }
            }
        };
    }

    /**
     * Opens the handler of a new Kafka session, preparing what it needs first (a failure is retried after a backoff);
     * null when the consumer has nothing to do (its reason logged): the loop then ends.
     */
    @FunctionalInterface
    interface Factory {
        BatchHandler open();
    }

    /**
     * The commit rule of a consumer that handles a poll completely before the next: {@code handle} runs for each
     * non-empty poll, then the offsets after each partition's last record are committed.
     */
    static BatchHandler eachPoll(Consumer<ConsumerRecords<String, byte[]>> handle) {
        return (records, session) -> {
            if (!records.isEmpty()) {
                handle.accept(records);
                session.commit(Offsets.after(records));
            }
        };
    }
}
