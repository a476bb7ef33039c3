package dev.podsearch.index.consume;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.IndexerConfig;
import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.bulk.IndexingException;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.index.mapping.IndexSetup;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Consumes {@link Topics#TRANSCRIPTS} at least once: a batch's offsets are committed only after each of its records
 * was indexed or dead-lettered. When OpenSearch cannot take a batch for a reason time may fix, the partitions are
 * rewound to the batch's start and retried with exponential backoff and jitter; nothing is skipped.
 */
@ApplicationScoped
public class TranscriptConsumer {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    IndexerConfig config;

    @Inject
    IndexSetup indexSetup;

    @Inject
    EpisodeIndexer indexer;

    private volatile boolean running;
    private volatile boolean prepared;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private Thread worker;

    void start(@Observes StartupEvent event) {
        producer = KafkaClients.reliableProducer(bootstrapServers, Map.of());
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
        Duration backoff = Duration.ZERO;
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
                backoff = nextBackoff(backoff);
                Log.warnf("transcript consumer: %s; starting again in %d ms", e.getMessage(), backoff.toMillis());
                pause(backoff);
            }
        }
    }

    /** Topics and indices exist before the first record is read. */
    private void prepare() {
        KafkaClients.ensureTopics(bootstrapServers, Duration.ofSeconds(5));
        try {
            indexSetup.ensureIndices();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot prepare the OpenSearch indices: " + e.getMessage(), e);
        }
    }

    private void consume() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TopicSetup.MAX_MESSAGE_BYTES);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * TopicSetup.MAX_MESSAGE_BYTES);
        DeadLetters deadLetters = new DeadLetters(producer);
        try (KafkaConsumer<String, byte[]> kafka =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(Topics.TRANSCRIPTS));
            Duration backoff = Duration.ZERO;
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        handle(record, deadLetters);
                    }
                    kafka.commitSync(nextOffsets(records));
                    backoff = Duration.ZERO;
                } catch (IndexingException e) {
                    backoff = nextBackoff(backoff);
                    Log.warnf(
                            "transcript consumer: OpenSearch cannot take the batch (%s); retrying it in %d ms",
                            e.getMessage(), backoff.toMillis());
                    rewind(kafka, records);
                    pause(backoff);
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record, DeadLetters deadLetters) {
        TranscriptEvent event;
        try {
            if (record.key() == null) {
                throw new TranscriptEventCodec.InvalidEventException("record has no key (episode id)");
            }
            event = TranscriptEventCodec.decode(record.value());
        } catch (TranscriptEventCodec.InvalidEventException e) {
            Log.warnf(
                    "poison record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            deadLetters.send(record, "poison", e.getMessage(), 1);
            return;
        }
        try {
            EpisodeIndexer.Outcome outcome = indexer.apply(event);
            Log.infof(
                    "episode %s revision %d %s (%s-%d@%d)",
                    event.episodeId(), event.revision(), outcome, record.topic(), record.partition(), record.offset());
            if (outcome != EpisodeIndexer.Outcome.STALE) {
                announce(new IndexedEvent(event.episodeId(), event.revision(), outcome.name(), Instant.now(), null));
            }
        } catch (IndexingException e) {
            if (e.retryable()) {
                throw e;
            }
            Log.errorf(
                    "episode %s revision %d cannot be indexed (%s-%d@%d): %s",
                    event.episodeId(),
                    event.revision(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            deadLetters.send(record, "non-retryable", e.getMessage(), 1);
            announce(new IndexedEvent(event.episodeId(), event.revision(), "FAILED", Instant.now(), e.getMessage()));
        }
    }

    private void announce(IndexedEvent event) {
        producer.send(new ProducerRecord<>(
                Topics.TRANSCRIPTS_INDEXED, event.episodeId(), TranscriptEventCodec.encodeIndexed(event)));
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.getLast().offset() + 1));
        }
        return offsets;
    }

    private static void rewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            kafka.seek(partition, records.records(partition).getFirst().offset());
        }
    }

    private Duration nextBackoff(Duration previous) {
        long base = previous.isZero()
                ? 200
                : Math.min(previous.toMillis() * 2, config.maxBackoff().toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Duration.ofMillis(base + jitter);
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
