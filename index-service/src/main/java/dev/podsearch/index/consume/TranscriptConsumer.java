package dev.podsearch.index.consume;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.IndexerConfig;
import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.bulk.IndexingException;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.index.mapping.IndexSetup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
 * Consumes {@link Topics#TRANSCRIPTS} at least once. Each poll is one batch: its records are decoded (poison goes to
 * the dead-letter topic at once), indexed together in as few {@code _bulk} requests as their size allows, the events
 * that OpenSearch refused for good are dead-lettered, every outcome is announced on {@link Topics#TRANSCRIPTS_INDEXED},
 * and only then are the batch's offsets committed.
 *
 * <p>When OpenSearch cannot take a batch for a reason time may fix, the partitions are paused (the consumer keeps
 * polling, so it stays in its group) and the same batch is retried after an exponential backoff with jitter; nothing is
 * skipped. If the partitions are taken away meanwhile, the batch is dropped and the new owner starts from the last
 * committed offset. Records of one episode share a partition (the key is the episode id), so their order is kept.
 */
@ApplicationScoped
public class TranscriptConsumer {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

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

    private volatile boolean running;
    private volatile boolean prepared;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private Thread worker;
    private final AtomicLong lag = new AtomicLong();

    /** A record decoded into an event. */
    private record Decoded(ConsumerRecord<String, byte[]> record, TranscriptEvent event) {

        String where() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
    }

    void start(@Observes StartupEvent event) {
        producer = KafkaClients.reliableProducer(bootstrapServers, Map.of());
        Gauge.builder("podsearch.index.consumer.lag", lag, AtomicLong::get)
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
                Duration backoff = backoff(++failures);
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
        DeadLetters deadLetters = new DeadLetters(producer, metrics);
        ExecutorService writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("batch-writer").factory());
        try (KafkaConsumer<String, byte[]> kafka =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            Loop loop = new Loop(kafka, deadLetters);
            kafka.subscribe(List.of(Topics.TRANSCRIPTS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // finish (and commit) the batch being written, so the next owner does not write it again
                    if (loop.inFlight != null) {
                        loop.complete(loop.inFlight);
                        loop.inFlight = null;
                    }
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
            });
            while (running) {
                if (loop.retryAt > 0) { // waiting to retry: partitions paused, polling keeps the group membership
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(100));
                    if (!records.isEmpty()) { // from partitions assigned while paused: read them again later
                        rewind(kafka, records);
                        kafka.pause(records.partitions());
                    }
                    if (System.currentTimeMillis() >= loop.retryAt) {
                        loop.retryAt = 0;
                        kafka.resume(kafka.paused());
                    }
                    continue;
                }
                // While a batch is written, the next one is read and planned: the engine never waits for us.
                ConsumerRecords<String, byte[]> records =
                        kafka.poll(Duration.ofMillis(loop.inFlight == null ? 500 : 5));
                updateLag(kafka);
                Batch next = null;
                IndexingException planFailure = null;
                if (!records.isEmpty()) {
                    List<Decoded> events = decode(records, deadLetters);
                    try {
                        EpisodeIndexer.Plan plan = indexer.plan(
                                events.stream().map(Decoded::event).toList(),
                                loop.inFlight == null ? null : loop.inFlight.plan());
                        next = new Batch(records, events, plan, null);
                    } catch (IndexingException e) {
                        if (!e.retryable()) {
                            throw e;
                        }
                        planFailure = e;
                    }
                }
                Batch done = loop.inFlight;
                List<EpisodeIndexer.Result> results = done == null ? null : loop.await(done);
                loop.inFlight = null;
                if ((done != null && results == null) || planFailure != null) {
                    loop.retryLater(planFailure != null ? planFailure.getMessage() : "see above");
                    continue;
                }
                if (done != null) {
                    loop.settle(done, results);
                    if (next != null && next.records().count() < config.maxPollRecords()) {
                        next = topUp(kafka, next, deadLetters);
                    }
                }
                if (next != null) {
                    EpisodeIndexer.Plan plan = next.plan();
                    loop.inFlight = new Batch(
                            next.records(),
                            next.events(),
                            plan,
                            CompletableFuture.supplyAsync(() -> indexer.execute(plan), writer));
                }
            }
            if (loop.inFlight != null) { // shutting down: finish what was started
                loop.complete(loop.inFlight);
            }
        } finally {
            consumer = null;
            writer.shutdownNow();
        }
    }

    /** A batch: its records, decoded events, plan, and the write under way (null until submitted). */
    private record Batch(
            ConsumerRecords<String, byte[]> records,
            List<Decoded> events,
            EpisodeIndexer.Plan plan,
            CompletableFuture<List<EpisodeIndexer.Result>> written) {}

    /** The consumer loop's state: the batch being written, and the retry schedule. */
    private final class Loop {
        private final KafkaConsumer<String, byte[]> kafka;
        private final DeadLetters deadLetters;
        Batch inFlight;
        long retryAt;
        int attempt;

        Loop(KafkaConsumer<String, byte[]> kafka, DeadLetters deadLetters) {
            this.kafka = kafka;
            this.deadLetters = deadLetters;
        }

        /** Waits for a batch's write and settles it; false if it must be retried. */
        boolean complete(Batch batch) {
            List<EpisodeIndexer.Result> results = await(batch);
            if (results == null) {
                return false;
            }
            settle(batch, results);
            return true;
        }

        /** Waits for a batch's write; null if OpenSearch could not take it for a reason time may fix. */
        List<EpisodeIndexer.Result> await(Batch batch) {
            try {
                return batch.written().join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof IndexingException failure && failure.retryable()) {
                    Log.warnf(
                            "transcript consumer: OpenSearch cannot take the batch of %d records (%s)",
                            batch.records().count(), failure.getMessage());
                    return null;
                }
                throw e;
            }
        }

        /** Dead-letters, announces and commits a written batch. */
        void settle(Batch batch, List<EpisodeIndexer.Result> results) {
            finish(batch.records(), batch.events(), results, attempt + 1, deadLetters);
            kafka.commitSync(nextOffsets(batch.records()));
            attempt = 0;
        }

        /** Forgets the batches in memory, goes back to the last commit and pauses until the backoff has passed. */
        void retryLater(String reason) {
            attempt++;
            counter("podsearch.index.failures", "documents or batches OpenSearch did not take", "class", "retryable")
                    .increment();
            Duration backoff = backoff(attempt);
            Log.warnf(
                    "transcript consumer: attempt %d failed (%s); partitions paused, reading again from the last"
                            + " commit in %d ms",
                    attempt, reason, backoff.toMillis());
            rewindToCommitted(kafka);
            kafka.pause(kafka.assignment());
            retryAt = System.currentTimeMillis() + backoff.toMillis();
        }
    }

    /** Logs, dead-letters and announces the outcomes of a written batch. */
    private void finish(
            ConsumerRecords<String, byte[]> records,
            List<Decoded> events,
            List<EpisodeIndexer.Result> results,
            int attempt,
            DeadLetters deadLetters) {
        for (int i = 0; i < events.size(); i++) {
            Decoded decoded = events.get(i);
            TranscriptEvent event = decoded.event();
            EpisodeIndexer.Result result = results.get(i);
            switch (result.outcome()) {
                case FAILED -> {
                    Log.errorf(
                            "episode %s revision %d cannot be indexed (%s): %s",
                            event.episodeId(), event.revision(), decoded.where(), result.reason());
                    counter(
                                    "podsearch.index.failures",
                                    "documents or batches OpenSearch did not take",
                                    "class",
                                    "non-retryable")
                            .increment();
                    deadLetters.send(decoded.record(), "non-retryable", result.reason(), attempt);
                    announce(new IndexedEvent(
                            event.episodeId(), event.revision(), "FAILED", Instant.now(), result.reason()));
                }
                case STALE ->
                    Log.infof(
                            "episode %s revision %d is older than the one indexed: skipped (%s)",
                            event.episodeId(), event.revision(), decoded.where());
                default -> {
                    Log.infof(
                            "episode %s revision %d %s, %d documents (%s)",
                            event.episodeId(), event.revision(), result.outcome(), result.documents(), decoded.where());
                    announce(new IndexedEvent(
                            event.episodeId(),
                            event.revision(),
                            result.outcome().name(),
                            Instant.now(),
                            null));
                }
            }
        }
        producer.flush();
    }

    /**
     * Counts and decodes the records read; a record that is no transcript event goes to the dead-letter topic now.
     */
    private List<Decoded> decode(ConsumerRecords<String, byte[]> records, DeadLetters deadLetters) {
        counter("podsearch.index.records.consumed", "records read from transcripts.v1")
                .increment(records.count());
        List<Decoded> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                if (record.key() == null) {
                    throw new TranscriptEventCodec.InvalidEventException("record has no key (episode id)");
                }
                TranscriptEvent event = TranscriptEventCodec.decode(record.value());
                if (!record.key().equals(event.episodeId())) {
                    throw new TranscriptEventCodec.InvalidEventException(
                            "record key " + record.key() + " is not the episode id " + event.episodeId());
                }
                events.add(new Decoded(record, event));
            } catch (TranscriptEventCodec.InvalidEventException e) {
                Log.warnf(
                        "poison record %s-%d@%d (key %s): %s",
                        record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
                counter("podsearch.index.failures", "documents or batches OpenSearch did not take", "class", "poison")
                        .increment();
                deadLetters.send(record, "poison", e.getMessage(), 1);
            }
        }
        return events;
    }

    private void announce(IndexedEvent event) {
        producer.send(new ProducerRecord<>(
                Topics.TRANSCRIPTS_INDEXED, event.episodeId(), TranscriptEventCodec.encodeIndexed(event)));
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

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(metrics);
    }

    /**
     * Adds the records that arrived while the previous batch was written to the batch about to be written, planned
     * after it: without this they would wait for that whole write too (an event arriving during a write would wait
     * for it, the next and its own). If they cannot be planned now, they are read again with the next poll. Runs after
     * the previous batch is settled (committed), so a rebalance in this poll has nothing written left to commit; if
     * it takes partitions of the planned batch, the batch is dropped (null) and read again where still ours.
     *
     * <p>Only for a batch that is not full: a full one means the consumer is behind, the batch is big enough to keep
     * the engine busy, and planning more records into it would hold back its write while the engine waits.
     */
    private Batch topUp(KafkaConsumer<String, byte[]> kafka, Batch next, DeadLetters deadLetters) {
        ConsumerRecords<String, byte[]> more = kafka.poll(Duration.ZERO);
        if (!kafka.assignment().containsAll(next.records().partitions())) {
            // a rebalance took partitions of the planned batch: their new owner reads them from the last commit;
            // what is still ours is read again from where the batch started
            Set<TopicPartition> kept = kafka.assignment();
            rewind(kafka, more);
            for (TopicPartition partition : next.records().partitions()) {
                if (kept.contains(partition)) {
                    kafka.seek(
                            partition,
                            next.records().records(partition).getFirst().offset());
                }
            }
            return null;
        }
        if (more.isEmpty()) {
            return next;
        }
        List<Decoded> events = decode(more, deadLetters);
        EpisodeIndexer.Plan plan;
        try {
            plan = indexer.plan(events.stream().map(Decoded::event).toList(), next.plan());
        } catch (IndexingException e) {
            if (!e.retryable()) {
                throw e;
            }
            rewind(kafka, more);
            return next;
        }
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> records = new HashMap<>();
        for (ConsumerRecords<String, byte[]> part : List.of(next.records(), more)) {
            for (TopicPartition partition : part.partitions()) {
                records.computeIfAbsent(partition, p -> new ArrayList<>()).addAll(part.records(partition));
            }
        }
        List<Decoded> allEvents = new ArrayList<>(next.events());
        allEvents.addAll(events);
        return new Batch(
                new ConsumerRecords<>(records, Map.of()), allEvents, next.plan().then(plan), null);
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

    /** Every assigned partition back to its committed offset (or the beginning). */
    private static void rewindToCommitted(KafkaConsumer<String, byte[]> kafka) {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(kafka.assignment());
        for (TopicPartition partition : kafka.assignment()) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                kafka.seek(partition, offset.offset());
            } else {
                kafka.seekToBeginning(List.of(partition));
            }
        }
    }

    /** 200 ms doubling up to {@code indexer.max-backoff}, plus up to a quarter more at random. */
    private Duration backoff(int attempt) {
        long base =
                Math.min(200L << Math.min(attempt - 1, 20), config.maxBackoff().toMillis());
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 4 + 1));
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
