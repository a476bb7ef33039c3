package dev.podsearch.ingest.outbox;

import dev.podsearch.events.TraceHeaders;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The relay's spans: one PRODUCER span per event sent, a child of the trace stored with the event (the upload's), from
 * the send to Kafka's acknowledgement; its context goes out as the record's {@code traceparent} header, so the indexer
 * continues the same trace. An event stored before tracing starts a trace of its own.
 */
@ApplicationScoped
class RelaySpans {

    static final AttributeKey<String> EPISODE = AttributeKey.stringKey("podsearch.episode.id");
    static final AttributeKey<Long> REVISION = AttributeKey.longKey("podsearch.revision");

    @Inject
    Tracer tracer;

    /** Starts the event's span and writes its context into the record's headers. */
    Span publish(StoredTrace stored, ProducerRecord<String, byte[]> record, UUID episode, long revision) {
        Span span = tracer.spanBuilder(record.topic() + " publish")
                .setParent(stored.context())
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute(EPISODE, String.valueOf(episode))
                .setAttribute(REVISION, revision)
                .startSpan();
        TraceHeaders.inject(span, record.headers());
        return span;
    }

    /** Kafka acknowledged the event: the span ends with where it was written. */
    static void acknowledged(Span span, RecordMetadata metadata) {
        if (metadata != null) {
            span.setAttribute("messaging.destination.partition.id", Integer.toString(metadata.partition()));
            span.setAttribute("messaging.kafka.offset", metadata.offset());
        }
        span.end();
    }

    /** Kafka did not acknowledge the event (it is retried or parked): the span ends as an error saying why. */
    static void failed(Span span, String reason) {
        span.setStatus(StatusCode.ERROR, reason);
        span.end();
    }
}
