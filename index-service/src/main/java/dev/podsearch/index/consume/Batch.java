package dev.podsearch.index.consume;

import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.bulk.IndexingException;
import dev.podsearch.index.bulk.Plan;
import io.quarkus.logging.Log;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** A batch: its records, decoded events, plan, and the write under way (null until submitted). */
record Batch(
        ConsumerRecords<String, byte[]> records,
        List<Decoded> events,
        Plan plan,
        CompletableFuture<List<EpisodeIndexer.Result>> written) {

    /** This batch with its write under way. */
    Batch writing(CompletableFuture<List<EpisodeIndexer.Result>> write) {
        return new Batch(records, events, plan, write);
    }

    /** Waits for the write; null if OpenSearch could not take it for a reason time may fix. */
    List<EpisodeIndexer.Result> await() {
        try {
            return written.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IndexingException failure && failure.retryable()) {
                Log.warnf(
                        "transcript consumer: OpenSearch cannot take the batch of %d records (%s)",
                        records.count(), failure.getMessage());
                return null;
            }
            throw e;
        }
    }
}
