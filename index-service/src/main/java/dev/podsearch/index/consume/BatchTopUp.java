package dev.podsearch.index.consume;

import dev.podsearch.events.consume.Session;
import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.bulk.IndexingException;
import dev.podsearch.index.bulk.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Adds the records that arrived while the previous batch was written to the batch about to be written, planned after
 * it: without this they would wait for that whole write too (an event arriving during a write would wait for it, the
 * next and its own). If they cannot be planned now, they are read again with the next poll. Runs after the previous
 * batch is settled (committed), so a rebalance in this poll has nothing written left to commit; if it takes partitions
 * of the planned batch, the batch is dropped (null) and read again where still ours.
 *
 * <p>Only for a batch that is not full: a full one means the consumer is behind, the batch is big enough to keep the
 * engine busy, and planning more records into it would hold back its write while the engine waits.
 */
final class BatchTopUp {

    private final EpisodeIndexer indexer;
    private final RecordDecoder decoder;

    BatchTopUp(EpisodeIndexer indexer, RecordDecoder decoder) {
        this.indexer = indexer;
        this.decoder = decoder;
    }

    Batch apply(Batch next, Session kafka) {
        ConsumerRecords<String, byte[]> more = kafka.pollNow(Duration.ZERO);
        if (!kafka.assignment().containsAll(next.records().partitions())) {
            // a rebalance took partitions of the planned batch: their new owner reads them from the last commit;
            // what is still ours is read again from where the batch started
            Set<TopicPartition> kept = kafka.assignment();
            kafka.rewind(more);
            for (TopicPartition partition : next.records().partitions()) {
                if (kept.contains(partition)) {
                    kafka.seek(
                            partition,
                            next.records().records(partition).getFirst().offset());
                }
            }
            IndexSpans.end(next.events(), "partitions reassigned before the write; read again");
            return null;
        }
        if (more.isEmpty()) {
            return next;
        }
        List<Decoded> events = decoder.decode(more);
        Plan plan;
        try {
            plan = indexer.plan(events.stream().map(Decoded::event).toList(), next.plan());
        } catch (IndexingException e) {
            if (!e.retryable()) {
                throw e;
            }
            kafka.rewind(more);
            IndexSpans.end(events, "cannot plan now (" + e.getMessage() + "); read again");
            return next;
        }
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> records = new HashMap<>();
        for (ConsumerRecords<String, byte[]> part : List.of(next.records(), more)) {
            for (TopicPartition partition : part.partitions()) {
                records.computeIfAbsent(partition, p -> new ArrayList<>()).addAll(part.records(partition));
            }
        }
        List<Decoded> allEvents = new ArrayList<>(next.events());
        allEvents.addAll(events);
        return new Batch(
                new ConsumerRecords<>(records, Map.of()), allEvents, next.plan().then(plan), null);
    }
}
