package dev.podsearch.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace a record belongs to, in its Kafka headers as W3C trace context ({@code traceparent}, {@code tracestate}):
 * part of the contract, so that an upload's trace goes on through {@link Topics#TRANSCRIPTS} and
 * {@link Topics#TRANSCRIPTS_INDEXED}. A record without the header (written before tracing, or by hand) starts no trace
 * of its own here: the reader starts a root span for it.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private TraceHeaders() {}

    /** The context the headers carry (a remote parent), or the root context when they carry none. */
    public static Context extract(Headers headers) {
        return PROPAGATOR.extract(Context.root(), headers, GETTER);
    }

    /** Writes the span's context into the headers (replacing any trace context they had); nothing if it is invalid. */
    public static void inject(Span span, Headers headers) {
        PROPAGATOR.inject(Context.root().with(span), headers, SETTER);
    }

    /** The {@code traceparent} header's value, or null. */
    public static String traceparent(Headers headers) {
        return GETTER.get(headers, TRACEPARENT);
    }
}
