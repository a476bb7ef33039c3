package dev.podsearch.index.consume;

import dev.podsearch.events.TranscriptEvent;
import io.opentelemetry.api.trace.Span;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record decoded into an event, with the span it is processed in (see {@link IndexSpans}). */
record Decoded(ConsumerRecord<String, byte[]> record, TranscriptEvent event, Span span) {

    /** Where the record is: {@code topic-partition@offset}, for log lines. */
    String where() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
