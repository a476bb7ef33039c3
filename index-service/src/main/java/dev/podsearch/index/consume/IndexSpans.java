package dev.podsearch.index.consume;

import dev.podsearch.events.TraceHeaders;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The consumer's spans. Each record of {@code transcripts.v1} is processed in a CONSUMER span, a child of the trace its
 * {@code traceparent} header names (the upload's, through the outbox relay), from its decoding to its outcome's
 * acknowledgement; the outcome goes out with that span's context. A batch's {@code _bulk} write covers records of
 * several traces: each trace in the batch gets its own "bulk write" span, a child of its first record's span, timing
 * the whole write, so every upload's trace shows the write it waited for (a single span with links would leave every
 * trace but one without it).
 */
final class IndexSpans {

    static final AttributeKey<String> EPISODE = AttributeKey.stringKey("podsearch.episode.id");
    static final AttributeKey<Long> REVISION = AttributeKey.longKey("podsearch.revision");

    private final Tracer tracer;

    IndexSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the processing span of a record read (ended by {@link #end}). */
    Span process(ConsumerRecord<String, byte[]> record) {
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceHeaders.extract(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.kafka.message.key", String.valueOf(record.key()))
                .startSpan();
    }

    /** The write of a batch: one span per trace among its events, started now; {@link Write#end} ends them. */
    Write write(List<Decoded> events) {
        Map<String, List<Decoded>> byTrace = new LinkedHashMap<>();
        for (Decoded decoded : events) {
            byTrace.computeIfAbsent(decoded.span().getSpanContext().getTraceId(), t -> new ArrayList<>())
                    .add(decoded);
        }
        List<Span> spans = new ArrayList<>(byTrace.size());
        for (List<Decoded> ofTrace : byTrace.values()) {
            Decoded first = ofTrace.getFirst();
            spans.add(tracer.spanBuilder("bulk write")
                    .setParent(Context.root().with(first.span()))
                    .setAttribute("db.system.name", "opensearch")
                    .setAttribute("db.operation.name", "bulk")
                    .setAttribute("podsearch.batch.events", (long) events.size())
                    .setAttribute("podsearch.batch.traces", (long) byTrace.size())
                    .setAttribute("podsearch.trace.events", (long) ofTrace.size())
                    .setAttribute(EPISODE, first.event().episodeId())
                    .setAttribute(REVISION, first.event().revision())
                    .startSpan());
        }
        return new Write(spans);
    }

    /** The bulk spans of one write. */
    record Write(List<Span> spans) {
        /** Ends them; {@code error} (null when the write went through) marks them failed. */
        void end(Throwable error) {
            for (Span span : spans) {
                if (error != null) {
                    span.recordException(error);
                    span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
                }
                span.end();
            }
        }
    }

    /** Ends the processing spans of events; {@code error} (null when their outcomes went out) says why not. */
    static void end(List<Decoded> events, String error) {
        for (Decoded decoded : events) {
            if (error != null) {
                decoded.span().setStatus(StatusCode.ERROR, error);
            }
            decoded.span().end();
        }
    }
}
