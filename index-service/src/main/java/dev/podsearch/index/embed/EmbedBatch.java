package dev.podsearch.index.embed;

import dev.podsearch.embed.Embedder;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

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

    EmbedBatch(
            EpisodeEmbedder episodes,
            Embedder embedder,
            KafkaProducer<String, byte[]> producer,
            MeterRegistry metrics) {
        this.episodes = episodes;
        this.embedder = embedder;
        this.producer = producer;
        this.metrics = metrics;
    }

    void handle(ConsumerRecords<String, byte[]> records) {
        List<Future<RecordMetadata>> announced = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            IndexedEvent outcome = EmbedConsumer.decode(record.value());
            if (outcome == null) {
                Log.warnf(
                        "embed stage: record %s (key %s) is not an indexing outcome: passed over", where, record.key());
                Counter.builder("podsearch.index.embed.skipped")
                        .tag("reason", "poison")
                        .register(metrics)
                        .increment();
                continue;
            }
            if (!"INDEXED".equals(outcome.status())) {
                continue;
            }
            long start = System.nanoTime();
            EpisodeEmbedder.Result result = episodes.embed(outcome.episodeId(), outcome.revision(), embedder);
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
                announced.add(producer.send(new ProducerRecord<>(
                        Topics.TRANSCRIPTS_INDEXED,
                        embedded.episodeId(),
                        TranscriptEventCodec.encodeIndexed(embedded))));
            }
        }
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

    static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            offsets.put(
                    partition,
                    new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        return offsets;
    }
}
