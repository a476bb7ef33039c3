package dev.podsearch.ingest.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * A trace context as the outbox stores it with an event: the W3C {@code traceparent} and {@code tracestate} strings
 * (the same text as the Kafka headers), so that the relay, on another thread and maybe another replica, publishes the
 * event as a child of the request that wrote it.
 */
record StoredTrace(String traceparent, String tracestate) {

    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<StoredTrace> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(StoredTrace stored) {
            return PROPAGATOR.fields();
        }

        @Override
        public String get(StoredTrace stored, String key) {
            if (stored == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> stored.traceparent();
                case "tracestate" -> stored.tracestate();
                default -> null;
            };
        }
    };

    /** The current span's context; both null when there is no valid one. */
    static StoredTrace current() {
        Map<String, String> fields = new HashMap<>();
        PROPAGATOR.inject(Context.current(), fields, Map::put);
        return new StoredTrace(fields.get("traceparent"), fields.get("tracestate"));
    }

    /** The stored context as the parent of a span; the root context (a new trace) when none was stored. */
    Context context() {
        return traceparent == null ? Context.root() : PROPAGATOR.extract(Context.root(), this, GETTER);
    }
}
