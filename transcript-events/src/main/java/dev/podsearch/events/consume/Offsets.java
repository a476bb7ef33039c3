package dev.podsearch.events.consume;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The offsets to commit once records are done. */
public final class Offsets {

    private Offsets() {}

    /** After each partition's last record. */
    public static Map<TopicPartition, OffsetAndMetadata> after(ConsumerRecords<?, ?> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            offsets.put(
                    partition,
                    new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        return offsets;
    }
}
