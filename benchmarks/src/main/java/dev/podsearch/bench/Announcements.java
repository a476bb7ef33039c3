package dev.podsearch.bench;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads transcripts.indexed.v1 from its end: which episodes index-service has indexed (or embedded). */
public final class Announcements implements AutoCloseable {

    private final AnnouncementTally tally = new AnnouncementTally();
    private final KafkaConsumer<String, byte[]> consumer;

    public Announcements(String bootstrap) {
        consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(Topics.TRANSCRIPTS_INDEXED, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /**
     * When index-service said it indexed each of these episodes (its clock, same machine); the embed stage's later
     * {@code EMBEDDED} announcements of the same episodes do not count.
     */
    public Map<String, Instant> indexedAt(Set<String> ids, Duration timeout) {
        Map<String, Instant> times = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (times.size() < ids.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                IndexedEvent event = TranscriptEventCodec.decodeIndexed(record.value());
                if (ids.contains(event.episodeId()) && AnnouncementTally.indexedTime(event)) {
                    times.put(event.episodeId(), event.indexedAt());
                }
            }
        }
        return times;
    }

    /**
     * Waits until index-service has announced each of these episodes indexed. {@code EMBEDDED} announcements read
     * meanwhile (the embed stage shares the topic) count for {@link #awaitEmbedded}.
     *
     * @throws IllegalStateException when an episode failed or the time ran out
     */
    void await(Set<String> ids, Duration timeout) {
        Set<String> waiting = new HashSet<>(ids);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " episodes not indexed in " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                tally.indexing(TranscriptEventCodec.decodeIndexed(record.value()), waiting);
            }
        }
    }

    /**
     * Waits until the embed stage has announced each of these episodes embedded, counting those {@link #await} read
     * while it waited for indexing.
     */
    void awaitEmbedded(Set<String> ids, Duration timeout) {
        Set<String> waiting = new HashSet<>(ids);
        tally.startEmbedding(waiting);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " episodes not embedded in " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                tally.embedding(TranscriptEventCodec.decodeIndexed(record.value()), waiting);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
