package dev.podsearch.events.consume;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What a {@link BatchHandler} may do with the loop's Kafka consumer while it handles a batch. */
public interface Session {

    /** Commits (synchronously) the offsets of what is done; resets the attempt count. */
    void commit(Map<TopicPartition, OffsetAndMetadata> offsets);

    /** Failed attempts since the last commit (0 on the first one). */
    int attempt();

    /** Polls again now, for records that arrived meanwhile (a rebalance may happen in it). */
    ConsumerRecords<String, byte[]> pollNow(Duration timeout);

    /** The partitions assigned now. */
    Set<TopicPartition> assignment();

    /** Each partition of {@code records} back to its first record, so that they are read again. */
    void rewind(ConsumerRecords<String, byte[]> records);

    /** A partition back to {@code offset}, so that it is read again from there. */
    void seek(TopicPartition partition, long offset);
}
