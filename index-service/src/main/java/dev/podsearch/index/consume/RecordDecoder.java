package dev.podsearch.index.consume;

import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.IndexFacts;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.support.LogFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** Counts and decodes the records read; a record that is no transcript event goes to the dead-letter topic at once. */
final class RecordDecoder {

    private final DeadLetters deadLetters;
    private final IndexSpans spans;
    private final Counter consumed;
    private final Counter poison;

    RecordDecoder(DeadLetters deadLetters, IndexSpans spans, MeterRegistry metrics) {
        this.deadLetters = deadLetters;
        this.spans = spans;
        this.consumed = Counter.builder(IndexFacts.RECORDS_CONSUMED)
                .description("records read from transcripts.v1")
                .register(metrics);
        this.poison = Counter.builder(IndexFacts.FAILURES)
                .description("documents or batches OpenSearch did not take")
                .tag("class", "poison")
                .register(metrics);
    }

    List<Decoded> decode(ConsumerRecords<String, byte[]> records) {
        consumed.increment(records.count());
        List<Decoded> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            Span span = spans.process(record);
            try {
                if (record.key() == null) {
                    throw new TranscriptEventCodec.InvalidEventException("record has no key (episode id)");
                }
                TranscriptEvent event = TranscriptEventCodec.decode(record.value());
                if (!record.key().equals(event.episodeId())) {
                    throw new TranscriptEventCodec.InvalidEventException(
                            "record key " + record.key() + " is not the episode id " + event.episodeId());
                }
                span.setAttribute(IndexSpans.EPISODE, event.episodeId());
                span.setAttribute(IndexSpans.REVISION, event.revision());
                events.add(new Decoded(record, event, span));
            } catch (TranscriptEventCodec.InvalidEventException e) {
                span.setStatus(StatusCode.ERROR, "poison: " + e.getMessage());
                try (Scope scope = span.makeCurrent();
                        LogFields fields = LogFields.record(record.topic(), record.partition(), record.offset())) {
                    Log.warnf(
                            "poison record %s-%d@%d (key %s): %s",
                            record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
                    poison.increment();
                    deadLetters.send(record, DeadLetters.POISON, e.getMessage(), 1);
                } finally {
                    span.end();
                }
            }
        }
        return events;
    }
}
