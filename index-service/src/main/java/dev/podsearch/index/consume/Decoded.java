package dev.podsearch.index.consume;

import dev.podsearch.events.TranscriptEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record decoded into an event. */
record Decoded(ConsumerRecord<String, byte[]> record, TranscriptEvent event) {

    /** Where the record is: {@code topic-partition@offset}, for log lines. */
    String where() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
