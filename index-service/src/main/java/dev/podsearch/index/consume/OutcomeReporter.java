package dev.podsearch.index.consume;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TraceHeaders;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.IndexFacts;
import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.support.LogFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Reports the outcomes of a written batch: logs each (in its record's span, so the line carries the trace id),
 * dead-letters the events refused for good, announces every outcome but STALE on {@link Topics#TRANSCRIPTS_INDEXED}
 * (with the record's trace context, see {@link IndexSpans}), and returns only once Kafka acknowledged all of it, so that
 * the batch's offsets may be committed. Waits at most {@code indexer.outcome-timeout} for the acknowledgements.
 */
final class OutcomeReporter {

    /** Kafka did not acknowledge an outcome or a dead letter in time: the batch's offsets must not be committed. */
    static final class NotAcknowledged extends RuntimeException {
        NotAcknowledged(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Producer<String, byte[]> producer;
    private final DeadLetters deadLetters;
    private final Duration timeout;
    private final Counter refused;
    private final Counter unacknowledged;

    OutcomeReporter(
            Producer<String, byte[]> producer, DeadLetters deadLetters, Duration timeout, MeterRegistry metrics) {
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.timeout = timeout;
        this.refused = Counter.builder(IndexFacts.FAILURES)
                .description("documents or batches OpenSearch did not take")
                .tag("class", "non-retryable")
                .register(metrics);
        this.unacknowledged = Counter.builder(IndexFacts.OUTCOME_FAILURES)
                .description("batches not committed because Kafka did not acknowledge their outcomes or dead letters")
                .register(metrics);
    }

    /**
     * Reports the outcomes ({@code results.get(i)} is that of {@code events.get(i)}); {@code attempt} is how many
     * times the batch was written.
     *
     * @throws NotAcknowledged an announcement or dead letter was not acknowledged within the timeout
     */
    void report(List<Decoded> events, List<EpisodeIndexer.Result> results, int attempt) {
        List<Future<RecordMetadata>> announced = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Decoded decoded = events.get(i);
            TranscriptEvent event = decoded.event();
            EpisodeIndexer.Result result = results.get(i);
            try (Scope scope = decoded.span().makeCurrent();
                    LogFields fields = LogFields.episode(event.episodeId(), event.revision())
                            .with(LogFields.RECORD, decoded.where())) {
                decoded.span()
                        .setAttribute("podsearch.outcome", result.outcome().name());
                report(decoded, result, attempt, announced);
            }
        }
        awaitAcknowledgements(announced);
    }

    private void report(
            Decoded decoded, EpisodeIndexer.Result result, int attempt, List<Future<RecordMetadata>> announced) {
        TranscriptEvent event = decoded.event();
        switch (result.outcome()) {
            case FAILED -> {
                Log.errorf(
                        "episode %s revision %d cannot be indexed (%s): %s",
                        event.episodeId(), event.revision(), decoded.where(), result.reason());
                refused.increment();
                deadLetter(decoded, result.reason(), attempt);
                decoded.span().setStatus(StatusCode.ERROR, result.reason());
                announced.add(announce(decoded, "FAILED", result.reason()));
            }
            case STALE ->
                Log.infof(
                        "episode %s revision %d is older than the one indexed: skipped (%s)",
                        event.episodeId(), event.revision(), decoded.where());
            default -> {
                Log.infof(
                        "episode %s revision %d %s, %d documents (%s)",
                        event.episodeId(), event.revision(), result.outcome(), result.documents(), decoded.where());
                announced.add(announce(decoded, result.outcome().name(), null));
            }
        }
    }

    private NotAcknowledged notAcknowledged(String message, Throwable cause) {
        unacknowledged.increment();
        return new NotAcknowledged(message, cause);
    }

    private void deadLetter(Decoded decoded, String reason, int attempt) {
        try {
            deadLetters.send(decoded.record(), DeadLetters.NON_RETRYABLE, reason, attempt);
        } catch (IllegalStateException e) {
            throw notAcknowledged(e.getMessage(), e);
        }
    }

    /** Announces an outcome on the record's trace: its header names the record's processing span. */
    private Future<RecordMetadata> announce(Decoded decoded, String status, String reason) {
        TranscriptEvent event = decoded.event();
        IndexedEvent outcome = new IndexedEvent(event.episodeId(), event.revision(), status, Instant.now(), reason);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.TRANSCRIPTS_INDEXED, outcome.episodeId(), TranscriptEventCodec.encodeIndexed(outcome));
        TraceHeaders.inject(decoded.span(), record.headers());
        return producer.send(record);
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> announced) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> future : announced) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw notAcknowledged(
                        "Kafka refused an outcome on " + Topics.TRANSCRIPTS_INDEXED + ": "
                                + e.getCause().getMessage(),
                        e.getCause());
            } catch (TimeoutException e) {
                throw notAcknowledged(
                        "no acknowledgement of the outcomes on " + Topics.TRANSCRIPTS_INDEXED + " within " + timeout,
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notAcknowledged("interrupted while waiting for the outcomes' acknowledgements", e);
            }
        }
    }
}
