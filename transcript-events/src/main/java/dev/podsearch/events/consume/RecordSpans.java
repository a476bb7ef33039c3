package dev.podsearch.events.consume;

import dev.podsearch.events.TraceHeaders;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Trace continuation for consumers: a record is processed in a CONSUMER span, a child of the trace its {@code
 * traceparent} header names (the producer's span), with the messaging attributes of the OpenTelemetry conventions.
 */
public final class RecordSpans {

    private RecordSpans() {}

    /** The span builder of {@code name} for a record: parent, kind and messaging attributes set; add yours, start it. */
    public static SpanBuilder process(Tracer tracer, String name, ConsumerRecord<String, ?> record) {
        return tracer.spanBuilder(name)
                .setParent(TraceHeaders.extract(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset());
    }
}
