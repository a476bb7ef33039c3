package dev.podsearch.support;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.MDC;

/**
 * Fields of the log lines written inside a block, as fields of the record (the MDC), not only words of the message:
 * with JSON logs ({@code quarkus.log.console.json.enabled=true}) they come out as {@code mdc.episodeId},
 * {@code mdc.revision} and {@code mdc.record} ({@code topic-partition@offset}), so a log search can select every line
 * about one episode or one Kafka record. Use with try-with-resources; closing removes what it put.
 *
 * <p>The trace id: OpenTelemetry puts {@code traceId}, {@code spanId} and {@code sampled} into the MDC while a span is
 * current (quarkus-opentelemetry), so a block about a record or an upload makes its span current
 * ({@code span.makeCurrent()}) around its log lines, and they come out as {@code mdc.traceId}. Only where no span of
 * the trace is current is it put here ({@link #TRACE}).
 */
public final class LogFields implements AutoCloseable {

    public static final String EPISODE = "episodeId";
    public static final String REVISION = "revision";
    public static final String RECORD = "record";
    /** The trace id, where no span of the trace is current (OpenTelemetry's own MDC key). */
    public static final String TRACE = "traceId";

    private final List<String> keys = new ArrayList<>();

    private LogFields() {}

    /** The episode and revision a block works on. */
    public static LogFields episode(Object episodeId, long revision) {
        return new LogFields().with(EPISODE, String.valueOf(episodeId)).with(REVISION, Long.toString(revision));
    }

    /** The Kafka record a block works on, as {@code topic-partition@offset}. */
    public static LogFields record(String topic, int partition, long offset) {
        return new LogFields().with(RECORD, topic + "-" + partition + "@" + offset);
    }

    /** One more field. */
    public LogFields with(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
            keys.add(key);
        }
        return this;
    }

    @Override
    public void close() {
        keys.forEach(MDC::remove);
    }
}
