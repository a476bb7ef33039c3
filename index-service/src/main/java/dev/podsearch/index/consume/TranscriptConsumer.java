package dev.podsearch.index.consume;

import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import dev.podsearch.events.consume.BatchHandler;
import dev.podsearch.events.consume.ConsumerLoop;
import dev.podsearch.index.IndexFacts;
import dev.podsearch.index.IndexerConfig;
import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.index.mapping.IndexSetup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Consumes {@link Topics#TRANSCRIPTS} at least once, on the thread of a {@link ConsumerLoop}, with {@link BatchPipeline}
 * as its batch handler. Each poll is one batch: its records are decoded (poison goes to the dead-letter topic at once),
 * indexed together in as few {@code _bulk} requests as their size allows, the events that OpenSearch refused for good
 * are dead-lettered, every outcome is announced on {@link Topics#TRANSCRIPTS_INDEXED}, and only once Kafka acknowledged
 * those are the batch's offsets committed. Records of one episode share a partition (the key is the episode id), so
 * their order is kept.
 *
 * <p>If the topics or indices cannot be prepared, or Kafka fails the consumer, it starts again after a backoff from the
 * last commit.
 */
@ApplicationScoped
public class TranscriptConsumer {

    @Inject
    KafkaConnection connection;

    @Inject
    KafkaTopics topics;

    @Inject
    IndexerConfig config;

    @Inject
    IndexSetup indexSetup;

    @Inject
    EpisodeIndexer indexer;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracer tracer;

    private KafkaProducer<String, byte[]> producer;
    private ConsumerLoop loop;

    void start(@Observes StartupEvent event) {
        producer = KafkaClients.reliableProducer(connection.settings(), Map.of());
        Map<String, Object> settings = connection.settings();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TopicSetup.MAX_MESSAGE_BYTES);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * TopicSetup.MAX_MESSAGE_BYTES);
        loop = new ConsumerLoop(
                ConsumerLoop.Spec.named("transcript", settings, config.maxBackoff(), Duration.ofSeconds(8))
                        .subscribe(List.of(Topics.TRANSCRIPTS)),
                this::open,
                metrics);
        loop.start();
    }

    /** True once topics and indices exist and the consumer loop runs. */
    public boolean isPrepared() {
        return loop != null && loop.isConsuming();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
        producer.close(Duration.ofSeconds(5));
    }

    /** A Kafka session's handler, once topics and indices exist (they do before the first record is read). */
    private BatchHandler open() {
        topics.ensure();
        try {
            indexSetup.ensureIndices();
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the OpenSearch indices: " + e.getMessage(), e);
        }
        DeadLetters deadLetters = new DeadLetters(producer, metrics);
        IndexSpans spans = new IndexSpans(tracer);
        return new BatchPipeline(
                indexer,
                new RecordDecoder(deadLetters, spans, metrics),
                new OutcomeReporter(producer, deadLetters, config.outcomeTimeout(), metrics),
                spans,
                Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("batch-writer").factory()),
                config.maxPollRecords(),
                Counter.builder(IndexFacts.FAILURES)
                        .description("documents or batches OpenSearch did not take")
                        .tag("class", "retryable")
                        .register(metrics));
    }
}
