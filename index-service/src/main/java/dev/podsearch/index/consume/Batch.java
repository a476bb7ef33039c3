package dev.podsearch.index.consume;

import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.bulk.IndexingException;
import dev.podsearch.index.bulk.Plan;
import io.quarkus.logging.Log;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

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

    /** The offsets to commit once the batch is settled: after each partition's last record. */
    Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.getLast().offset() + 1));
        }
        return offsets;
    }

    /** Each partition of the records back to its first record, so that they are read again. */
    static void rewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            kafka.seek(partition, records.records(partition).getFirst().offset());
        }
    }

    /** Every assigned partition back to its committed offset (or the beginning). */
    static void rewindToCommitted(KafkaConsumer<String, byte[]> kafka) {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(kafka.assignment());
        for (TopicPartition partition : kafka.assignment()) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                kafka.seek(partition, offset.offset());
            } else {
                kafka.seekToBeginning(List.of(partition));
            }
        }
    }
}
