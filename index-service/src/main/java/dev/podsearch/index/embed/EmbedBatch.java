package dev.podsearch.index.embed;

import dev.podsearch.embed.Embedder;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TraceHeaders;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.events.consume.RecordSpans;
import dev.podsearch.index.IndexFacts;
import dev.podsearch.support.LogFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * One poll of outcomes: each {@code INDEXED} one is embedded ({@link EpisodeEmbedder}); the revisions whose vectors
 * landed are announced {@code EMBEDDED}, and the method returns only once Kafka acknowledged those announcements.
 * Other statuses (DELETED, FAILED, EMBEDDED itself) and records that are not outcomes are passed over.
 */
final class EmbedBatch {

    static final String EMBEDDED = "EMBEDDED";

    private final EpisodeEmbedder episodes;
    private final Embedder embedder;
    private final KafkaProducer<String, byte[]> producer;
    private final MeterRegistry metrics;
    private final Tracer tracer;

    EmbedBatch(
            EpisodeEmbedder episodes,
            Embedder embedder,
            KafkaProducer<String, byte[]> producer,
            MeterRegistry metrics,
            Tracer tracer) {
        this.episodes = episodes;
        this.embedder = embedder;
        this.producer = producer;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    void handle(ConsumerRecords<String, byte[]> records) {
        List<Future<RecordMetadata>> announced = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                handle(record, announced, spans);
            }
            awaitAcknowledgements(announced);
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** Embeds an INDEXED outcome in a span of its own, current while it runs (its log lines carry the trace id). */
    private void handle(
            ConsumerRecord<String, byte[]> record, List<Future<RecordMetadata>> announced, List<Span> spans) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        IndexedEvent outcome = EmbedConsumer.decode(record.value());
        if (outcome == null) {
            Log.warnf("embed stage: record %s (key %s) is not an indexing outcome: passed over", where, record.key());
            Counter.builder(IndexFacts.EMBED_SKIPPED)
                    .tag("reason", "poison")
                    .register(metrics)
                    .increment();
            return;
        }
        if (!"INDEXED".equals(outcome.status())) {
            return;
        }
        Span span = span(record, outcome);
        spans.add(span);
        try (Scope scope = span.makeCurrent();
                LogFields fields = LogFields.episode(outcome.episodeId(), outcome.revision())
                        .with(LogFields.RECORD, where)) {
            embed(outcome, where, announced);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /**
     * The embed span of an {@code INDEXED} outcome: a child of the outcome's trace context (the indexer's processing
     * span of the upload's trace), so embedding shows on the upload's trace too.
     */
    private Span span(ConsumerRecord<String, byte[]> record, IndexedEvent outcome) {
        return RecordSpans.process(tracer, "embed", record)
                .setAttribute("podsearch.episode.id", outcome.episodeId())
                .setAttribute("podsearch.revision", outcome.revision())
                .startSpan();
    }

    private void embed(IndexedEvent outcome, String where, List<Future<RecordMetadata>> announced) {
        long start = System.nanoTime();
        EpisodeEmbedder.Result result = episodes.embed(outcome.episodeId(), outcome.revision(), embedder);
        Span.current().setAttribute("podsearch.embed.status", result.status().name());
        Span.current().setAttribute("podsearch.embed.moments", (long) result.moments());
        Log.infof(
                "episode %s revision %d %s: %d moment vectors written, %d skipped, %d ms (%s)",
                outcome.episodeId(),
                outcome.revision(),
                result.status(),
                result.moments(),
                result.skipped(),
                (System.nanoTime() - start) / 1_000_000,
                where);
        if (result.status() == EpisodeEmbedder.Status.EMBEDDED) {
            IndexedEvent embedded =
                    new IndexedEvent(outcome.episodeId(), outcome.revision(), EMBEDDED, Instant.now(), null);
            ProducerRecord<String, byte[]> announcement = new ProducerRecord<>(
                    Topics.TRANSCRIPTS_INDEXED, embedded.episodeId(), TranscriptEventCodec.encodeIndexed(embedded));
            TraceHeaders.inject(Span.current(), announcement.headers());
            announced.add(producer.send(announcement));
        }
    }

    private static void awaitAcknowledgements(List<Future<RecordMetadata>> announced) {
        for (Future<RecordMetadata> future : announced) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new KafkaException(
                        "announcing EMBEDDED failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while announcing EMBEDDED", e);
            }
        }
    }
}
