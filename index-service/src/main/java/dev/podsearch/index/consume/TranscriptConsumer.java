package dev.podsearch.index.consume;

import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import dev.podsearch.index.IndexFacts;
import dev.podsearch.index.IndexerConfig;
import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.index.mapping.IndexSetup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumes {@link Topics#TRANSCRIPTS} at least once, on a thread of its own ({@link PollLoop}). Each poll is one batch:
 * its records are decoded (poison goes to the dead-letter topic at once), indexed together in as few {@code _bulk}
 * requests as their size allows, the events that OpenSearch refused for good are dead-lettered, every outcome is
 * announced on {@link Topics#TRANSCRIPTS_INDEXED}, and only once Kafka acknowledged those are the batch's offsets
 * committed. Records of one episode share a partition (the key is the episode id), so their order is kept.
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

    private volatile boolean running;
    private volatile boolean prepared;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private Thread worker;
    private final AtomicLong lag = new AtomicLong();

    void start(@Observes StartupEvent event) {
        producer = KafkaClients.reliableProducer(connection.settings(), Map.of());
        Gauge.builder(IndexFacts.CONSUMER_LAG, lag, AtomicLong::get)
                .description("records of transcripts.v1 not yet consumed, over the assigned partitions")
                .register(metrics);
        running = true;
        worker = Thread.ofPlatform().name("transcript-consumer").start(this::run);
    }

    /** True once topics and indices exist and the consumer loop runs. */
    public boolean isPrepared() {
        return prepared && running;
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                prepare();
                prepared = true;
                consume();
                return;
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                prepared = false;
                Duration backoff = Backoff.after(++failures, config.maxBackoff());
                Log.warnf("transcript consumer: %s; starting again in %d ms", e.getMessage(), backoff.toMillis());
                pause(backoff);
            }
        }
    }

    /** Topics and indices exist before the first record is read. */
    private void prepare() {
        topics.ensure();
        try {
            indexSetup.ensureIndices();
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the OpenSearch indices: " + e.getMessage(), e);
        }
    }

    private void consume() {
        DeadLetters deadLetters = new DeadLetters(producer, metrics);
        IndexSpans spans = new IndexSpans(tracer);
        ExecutorService writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("batch-writer").factory());
        try (KafkaConsumer<String, byte[]> kafka =
                new KafkaConsumer<>(settings(), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            PollLoop loop = new PollLoop(
                    kafka,
                    indexer,
                    new RecordDecoder(deadLetters, spans, metrics),
                    new OutcomeReporter(producer, deadLetters, config.outcomeTimeout(), metrics),
                    spans,
                    writer,
                    config,
                    Counter.builder(IndexFacts.FAILURES)
                            .description("documents or batches OpenSearch did not take")
                            .tag("class", "retryable")
                            .register(metrics),
                    () -> updateLag(kafka));
            kafka.subscribe(List.of(Topics.TRANSCRIPTS), loop);
            loop.run(() -> running);
        } finally {
            consumer = null;
            writer.shutdownNow();
        }
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = connection.settings();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, KafkaClients.SESSION_TIMEOUT_MS);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TopicSetup.MAX_MESSAGE_BYTES);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * TopicSetup.MAX_MESSAGE_BYTES);
        return settings;
    }

    private void updateLag(KafkaConsumer<String, byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong partitionLag = kafka.currentLag(partition);
            if (partitionLag.isPresent()) {
                total += partitionLag.getAsLong();
            }
        }
        lag.set(total);
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
